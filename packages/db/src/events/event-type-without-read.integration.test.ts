import { createUser, deleteUser, patchUser, setUserActive, systemClock } from '@provisio/core';
import { withUserEvents } from '@provisio/core/events';
import type { UserEvent } from '@provisio/core/events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUserRepository } from '../users/user-repository.ts';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;
const attrs = (userName: string) => ({
  userName,
  active: true,
  emails: [{ value: userName, type: 'work', primary: true }],
});
const by = { authority: { admin: false, adminDelegated: false } };

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
});
afterAll(() => db.drop());

/** The event-recording repository with a `peek` that counts how often it reads the user again. */
function countingRepository() {
  const raw = createUserRepository(db.models, db.versionClaims);
  const peeks = { count: 0 };
  const peek = (org: string, id: string) => {
    peeks.count++;
    return raw.standing(org, id);
  };
  const onDeferred = (error: unknown) => {
    throw error;
  };
  const users = withUserEvents(raw, {
    events: db.userEvents,
    intents: db.userEventIntents,
    clock: systemClock,
    nextId: db.nextEventId,
    peek,
    onDeferred,
  });
  return { deps: { users, groups: db.groups, clock: systemClock }, peeks };
}

const eventsOf = async (userId: string): Promise<Array<Pick<UserEvent, 'type' | 'version'>>> =>
  (await db.models.userEvents.find({ orgId, userId }).sort({ _id: 1 }).lean<UserEvent[]>()).map(
    ({ type, version }) => ({ type, version }),
  );

it('decides each event type from what the caller read: no extra read of the user before a write', async () => {
  const { deps, peeks } = countingRepository();
  const user = await createUser(deps, { orgId, source: 'scim', ...by, attributes: attrs('no.peek@example.com') });
  await patchUser(deps, {
    orgId,
    id: user.id,
    ...by,
    apply: (current) => ({ attributes: { ...current.attributes, displayName: 'Renamed' } }),
  });
  await setUserActive(deps, { orgId, ...by, id: user.id, active: false });
  await setUserActive(deps, { orgId, ...by, id: user.id, active: true });
  await deleteUser(deps, { orgId, id: user.id });
  expect(peeks.count).toBe(0);
  expect(await eventsOf(user.id)).toEqual([
    { type: 'created', version: 1 },
    { type: 'updated', version: 2 },
    { type: 'deactivated', version: 3 },
    { type: 'reactivated', version: 4 },
    { type: 'deleted', version: 5 },
  ]);
});

it('a delete whose read went stale (a write slipped in) reads again and still records the exact version', async () => {
  const { deps, peeks } = countingRepository();
  const user = await createUser(deps, { orgId, source: 'scim', ...by, attributes: attrs('stale.read@example.com') });
  await setUserActive(deps, { orgId, ...by, id: user.id, active: false });
  // The caller read version 1 (invited); the user is at version 2 (deactivated) by now.
  expect(await deps.users.delete(orgId, user.id, { now: new Date(), read: user })).toBe(true);
  expect(peeks.count).toBe(1);
  expect((await eventsOf(user.id)).at(-1)).toEqual({ type: 'deleted', version: 3 });
});
