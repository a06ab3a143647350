import type { Clock } from '../clock.ts';
import type { UserRepository } from '../users/user-repository.ts';
import { eventIdFloor } from './event-ids.ts';
import { lifecycleType } from './lifecycle-type.ts';
import { recordEvents } from './record-events.ts';
import type { UserEvent } from './user-event.ts';
import type { UserEventIntent, UserEventIntentStore } from './user-event-intent.ts';
import type { UserEventStore } from './user-event-store.ts';

/**
 * How old an open intent must be before the sweep settles it: longer than any write still
 * in flight (a version claim is taken over after 30 s), so the user it reads is final.
 */
export const OPEN_INTENT_GRACE_MS = 120_000;

export type OpenUserEventsDeps = {
  intents: UserEventIntentStore;
  events: UserEventStore;
  users: Pick<UserRepository, 'findById'>;
  clock: Clock;
  nextId: (now: number) => string;
};

/**
 * The event an abandoned write owes, judged from the user as stored now; null when the
 * write did not happen. The id is fresh: readers passed the intent's id long ago. When the
 * user moved on since, the event carries the newer state under its version (a mirror that
 * applies by version ends up right, and the later writes have events of their own).
 */
async function owedEvent(deps: OpenUserEventsDeps, intent: UserEventIntent): Promise<UserEvent | null> {
  const { orgId, userId } = intent;
  const user = await deps.users.findById(orgId, userId);
  const id = deps.nextId(deps.clock.now().getTime());
  if (intent.kind === 'deleted') {
    return user ? null : { id, orgId, type: 'deleted', userId, version: intent.version, at: intent.at, user: null };
  }
  // Missing: never created, or deleted since (that delete has its own event). Older: never written.
  if (!user || user.version < intent.version) return null;
  const type =
    intent.kind === 'created'
      ? 'created'
      : user.version === intent.version
        ? lifecycleType(intent.from ?? user.status, user.status)
        : 'updated';
  return { id, orgId, type, userId, version: user.version, at: user.lastModified, user };
}

/**
 * Settles intents left open by a crash or a database failure between a user write and its
 * event: records the event the write owes, if any, then closes the intent. Safe to run in
 * any number of workers (at worst an event is recorded twice; readers de-duplicate on
 * userId + version).
 */
export async function recordOpenUserEvents(
  deps: OpenUserEventsDeps,
  { batch = 500, graceMs = OPEN_INTENT_GRACE_MS } = {},
): Promise<{ recorded: number; dropped: number }> {
  const before = eventIdFloor(deps.clock.now().getTime() - graceMs);
  const result = { recorded: 0, dropped: 0 };
  for (const intent of await deps.intents.listBefore(before, batch)) {
    const event = await owedEvent(deps, intent);
    if (event) await recordEvents(deps, [event]);
    await deps.intents.close(intent.orgId, intent.id);
    result[event ? 'recorded' : 'dropped'] += 1;
  }
  return result;
}
