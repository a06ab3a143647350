import type { Clock } from '../clock.ts';
import { lostRaces } from '../users/retry-on-version-conflict.ts';
import type { GroupRecord, ResolvedMember } from '../groups/group-record.ts';
import type { GroupRepository } from '../groups/group-repository.ts';
import { sameJson } from '../groups/same-json.ts';
import { groupSummary } from './group-event.ts';
import type { GroupEvent, GroupEventType } from './group-event.ts';
import type { GroupEventIntent, GroupEventIntentStore } from './group-event-intent.ts';
import type { GroupEventStore } from './group-event-store.ts';
import { bracketed } from './intent-bracket.ts';
import { recordEvents } from './record-events.ts';

export type GroupEventsOptions = {
  events: GroupEventStore;
  intents: GroupEventIntentStore;
  clock: Clock;
  nextId: (now: number) => string;
  /** Every member id of a group: a PUT's member diff is computed from it. */
  memberIds(orgId: string, groupId: string): Promise<string[]>;
  /** The write took effect but its events could not be stored now; its open intent lets the sweep record them. */
  onDeferred(error: unknown, events: GroupEvent[]): void;
};

type Planned = Omit<GroupEventIntent, 'id' | 'at'>;

/** Users per membership intent (and per event batch): bounds the intent document and the append. */
export const MEMBERSHIP_CHUNK = 1_000;
/** A delete races only writes of the same group; a few rounds settle it. */
const MAX_DELETE_ATTEMPTS = 10;

const unique = (ids: string[]) => [...new Set(ids)];
const chunked = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / MEMBERSHIP_CHUNK) }, (_, i) =>
    items.slice(i * MEMBERSHIP_CHUNK, (i + 1) * MEMBERSHIP_CHUNK),
  );

/** The event of a group write. */
export const groupEventOf = (
  id: string,
  orgId: string,
  type: Extract<GroupEventType, `group.${string}`>,
  group: GroupRecord,
): GroupEvent => ({
  id,
  orgId,
  type,
  groupId: group.id,
  userId: null,
  version: group.version,
  at: group.lastModified,
  group: groupSummary(group),
});

/** The event of one membership change. */
export const membershipEventOf = (
  id: string,
  orgId: string,
  type: Extract<GroupEventType, `membership.${string}`>,
  groupId: string,
  userId: string,
  at: string,
): GroupEvent => ({ id, orgId, type, groupId, userId, version: null, at, group: null });

/**
 * The group repository, recording group and membership events for every write that took
 * effect, with the crash-safety of withUserEvents: each write is bracketed by an intent
 * (opened before, closed in a batch once its events are stored), so a crash or a database
 * failure between a write and its events delays them, never loses them. Event ids are taken
 * before the write. A member change yields one event per user: `membership.added` for each
 * user it adds, `membership.removed` for each it removes (a PUT: the diff with the members
 * before it, which is then written as that diff). A version bump after a member change
 * (`updateIfVersion` without `previous`) is no event.
 */
export function withGroupEvents(groups: GroupRepository, options: GroupEventsOptions): GroupRepository {
  const { clock, nextId, intents } = options;

  function tracked<T>(
    planned: Planned,
    count: number,
    write: () => Promise<T>,
    eventsOf: (result: T, ids: string[], at: string) => GroupEvent[],
  ): Promise<T> {
    const started = clock.now();
    const ids = Array.from({ length: count }, () => nextId(started.getTime()));
    const id = ids[0] ?? nextId(started.getTime());
    return bracketed(
      intents,
      { ...planned, id, at: started.toISOString() },
      {
        write,
        eventsOf: (result) => eventsOf(result, ids, started.toISOString()),
        record: (events) => recordEvents(options, events),
        onDeferred: (error, events) => options.onDeferred(error, events),
      },
    );
  }

  const base = { added: [], removed: [], from: null } satisfies Partial<Planned>;

  /** One chunk of a member change: its intent, its row writes, its events (removals first, as written). */
  const changeMembers = (orgId: string, groupId: string, add: ResolvedMember[], removed: string[]) => {
    const added = unique(add.map((m) => m.value));
    return tracked(
      { ...base, orgId, groupId, kind: 'membership', version: 0, added, removed },
      removed.length + added.length,
      () => groups.applyMembership(orgId, groupId, { add, remove: removed, replaceAll: false }),
      (_, ids, at) => [
        ...removed.map((userId, i) =>
          membershipEventOf(ids[i] ?? '', orgId, 'membership.removed', groupId, userId, at),
        ),
        ...added.map((userId, i) =>
          membershipEventOf(ids[removed.length + i] ?? '', orgId, 'membership.added', groupId, userId, at),
        ),
      ],
    );
  };

  return {
    ...groups,
    insert(orgId, group) {
      return tracked(
        { ...base, orgId, groupId: group.id, kind: 'created', version: 1 },
        1,
        () => groups.insert(orgId, group),
        (created, [id = '']) => [groupEventOf(id, orgId, 'group.created', created)],
      );
    },
    updateIfVersion(orgId, id, expectedVersion, changes) {
      const { previous } = changes;
      if (!previous || sameJson(previous, changes.attributes))
        return groups.updateIfVersion(orgId, id, expectedVersion, changes);
      return tracked(
        { ...base, orgId, groupId: id, kind: 'updated', version: expectedVersion + 1, from: previous },
        1,
        () => groups.updateIfVersion(orgId, id, expectedVersion, changes),
        (after, [eventId = '']) => (after ? [groupEventOf(eventId, orgId, 'group.updated', after)] : []),
      );
    },
    async delete(orgId, id, now, expectedVersion) {
      const lose = lostRaces(`group ${id}`, { maxAttempts: MAX_DELETE_ATTEMPTS });
      for (;;) {
        const before = await groups.findById(orgId, id);
        // Gone already: the storage still sweeps leftover member rows; that delete had its event.
        if (!before) return groups.delete(orgId, id, now, expectedVersion);
        // Pinned to the version read, so the event's version is exact; a write in between makes it read again.
        const pinned = expectedVersion ?? before.version;
        const version = pinned + 1;
        const deleted = await tracked(
          { ...base, orgId, groupId: id, kind: 'deleted', version },
          1,
          () => groups.delete(orgId, id, now, pinned),
          (gone, [eventId = '']) =>
            gone
              ? [
                  {
                    id: eventId,
                    orgId,
                    type: 'group.deleted',
                    groupId: id,
                    userId: null,
                    version,
                    at: now.toISOString(),
                    group: null,
                  },
                ]
              : [],
        );
        if (deleted || expectedVersion !== undefined) return deleted;
        await lose();
      }
    },
    async applyMembership(orgId, groupId, delta) {
      let { add, remove } = delta;
      if (delta.replaceAll) {
        // Written as the diff with the members read here, so the events name exactly what the rows changed.
        const current = new Set(await options.memberIds(orgId, groupId));
        const wanted = new Set(add.map((m) => m.value));
        remove = [...current].filter((userId) => !wanted.has(userId));
        add = add.filter((m) => !current.has(m.value));
      }
      for (const removed of chunked(unique(remove))) await changeMembers(orgId, groupId, [], removed);
      for (const added of chunked(add)) await changeMembers(orgId, groupId, added, []);
    },
  };
}
