import type { Clock } from '../clock.ts';
import type { GroupRepository } from '../groups/group-repository.ts';
import { sameJson } from '../groups/same-json.ts';
import { eventIdFloor } from './event-ids.ts';
import type { GroupEvent } from './group-event.ts';
import type { GroupEventIntent, GroupEventIntentStore } from './group-event-intent.ts';
import type { GroupEventStore } from './group-event-store.ts';
import { OPEN_INTENT_GRACE_MS } from './record-open-user-events.ts';
import { recordEvents } from './record-events.ts';
import { groupEventOf, membershipEventOf } from './with-group-events.ts';

export type OpenGroupEventsDeps = {
  intents: GroupEventIntentStore;
  events: GroupEventStore;
  groups: Pick<GroupRepository, 'findById'>;
  /** Which of `userIds` are members of the group now. */
  membersAmong(orgId: string, groupId: string, userIds: string[]): Promise<Set<string>>;
  clock: Clock;
  nextId: (now: number) => string;
};

/**
 * The events an abandoned group write owes, judged from the group and its members as stored
 * now (fresh ids: readers passed the intent's id long ago); none when the write did not
 * happen. A member change owes `membership.added` for each user it adds who is a member
 * now and `membership.removed` for each it removes who is not.
 */
async function owedEvents(deps: OpenGroupEventsDeps, intent: GroupEventIntent): Promise<GroupEvent[]> {
  const { orgId, groupId } = intent;
  const id = () => deps.nextId(deps.clock.now().getTime());
  if (intent.kind === 'membership') {
    const members = await deps.membersAmong(orgId, groupId, [...intent.removed, ...intent.added]);
    return [
      ...intent.removed
        .filter((userId) => !members.has(userId))
        .map((userId) => membershipEventOf(id(), orgId, 'membership.removed', groupId, userId, intent.at)),
      ...intent.added
        .filter((userId) => members.has(userId))
        .map((userId) => membershipEventOf(id(), orgId, 'membership.added', groupId, userId, intent.at)),
    ];
  }
  const group = await deps.groups.findById(orgId, groupId);
  if (intent.kind === 'deleted') {
    if (group) return [];
    const { version, at } = intent;
    return [{ id: id(), orgId, type: 'group.deleted', groupId, userId: null, version, at, group: null }];
  }
  // Missing: never created, or deleted since (that delete has its own event). Older: never written.
  if (!group || group.version < intent.version) return [];
  if (intent.kind === 'created') return [groupEventOf(id(), orgId, 'group.created', group)];
  return sameJson(group.attributes, intent.from) ? [] : [groupEventOf(id(), orgId, 'group.updated', group)];
}

/**
 * Settles group intents left open by a crash or a database failure between a group write and
 * its events (as recordOpenUserEvents): records what the write owes, then closes the intent.
 * Safe in any number of workers (an event recorded twice at worst; receivers dedupe).
 */
export async function recordOpenGroupEvents(
  deps: OpenGroupEventsDeps,
  { batch = 500, graceMs = OPEN_INTENT_GRACE_MS } = {},
): Promise<{ recorded: number; dropped: number }> {
  const before = eventIdFloor(deps.clock.now().getTime() - graceMs);
  const result = { recorded: 0, dropped: 0 };
  for (const intent of await deps.intents.listBefore(before, batch)) {
    const events = await owedEvents(deps, intent);
    await recordEvents(deps, events);
    await deps.intents.close(intent.orgId, intent.id);
    result[events.length ? 'recorded' : 'dropped'] += 1;
  }
  return result;
}
