import { createUser, deleteUser, setUserActive, systemClock } from '@provisio/core';
import type { UserRepository } from '@provisio/core';
import { createUserEventFeed, recordOpenUserEvents, userEventHead, withUserEvents } from '@provisio/core/events';
import type { UserEvent, UserEventStore } from '@provisio/core/events';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createUserRepository } from '../users/user-repository.ts';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;
const attrs = (userName: string, active = true) => ({
  userName,
  active,
  emails: [{ value: userName, type: 'work', primary: true }],
});
/** Writes as a SCIM key makes them: no admin rights. */
const by = { authority: { admin: false, adminDelegated: false } };
const openIntents = () => db.userEventIntents.listBefore('~', 1_000);
const sweepNow = () =>
  recordOpenUserEvents(
    {
      intents: db.userEventIntents,
      events: db.userEvents,
      users: db.users,
      clock: systemClock,
      nextId: db.nextEventId,
    },
    { graceMs: 0 },
  );

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
});
afterAll(() => db.drop());

/** The user repository of a process whose event writes fail (the database went away right after the user write). */
function repositoryLosingEvents(deferred: UserEvent[]): UserRepository {
  const raw = createUserRepository(db.models, db.versionClaims);
  const failing: UserEventStore = { ...db.userEvents, append: () => Promise.reject(new Error('connection closed')) };
  const peek = async (org: string, id: string) => raw.findById(org, id);
  const onDeferred = (_error: unknown, event: UserEvent) => deferred.push(event);
  return withUserEvents(raw, {
    events: failing,
    intents: db.userEventIntents,
    clock: systemClock,
    nextId: db.nextEventId,
    peek,
    onDeferred,
  });
}

/** Reads the stream until `count` events of `userIds` arrived. */
async function take(count: number, lastEventId: string, userIds: string[]): Promise<UserEvent[]> {
  const ac = new AbortController();
  const out: UserEvent[] = [];
  for await (const event of createUserEventFeed({ events: db.userEvents, clock: systemClock }).subscribe(orgId, {
    lastEventId,
    signal: ac.signal,
  })) {
    if (userIds.includes(event.userId)) out.push(event);
    if (out.length === count) ac.abort();
  }
  return out;
}

it('closes every intent once the event is stored, and after a write that did nothing', async () => {
  const deps = { users: db.users, groups: db.groups, clock: systemClock };
  const user = await createUser(deps, { orgId, source: 'scim', ...by, attributes: attrs('intent.ok@example.com') });
  await setUserActive(deps, { orgId, ...by, id: user.id, active: false });
  await expect(
    createUser(deps, { orgId, source: 'scim', ...by, attributes: attrs('INTENT.OK@example.com') }),
  ).rejects.toMatchObject({ code: 'CONFLICT' });
  expect(
    await db.users.updateIfVersion(orgId, user.id, 1, {
      attributes: attrs('x@example.com'),
      status: 'active',
      previous: user,
      now: new Date(),
    }),
  ).toBeNull();
  // Those whose event was stored are closed in a batch, after the write answered.
  await vi.waitFor(async () => expect(await openIntents()).toEqual([]));
});

it('records the events of writes whose event store failed, once the sweep settles their intents', async () => {
  const head = userEventHead(systemClock);
  const deferred: UserEvent[] = [];
  const lossy = { users: repositoryLosingEvents(deferred), groups: db.groups, clock: systemClock };
  const kept = await createUser(lossy, { orgId, source: 'scim', ...by, attributes: attrs('intent.kept@example.com') });
  await setUserActive(lossy, { orgId, ...by, id: kept.id, active: false });
  const gone = await createUser(lossy, { orgId, source: 'scim', ...by, attributes: attrs('intent.gone@example.com') });
  await deleteUser(lossy, { orgId, id: gone.id });
  expect(deferred.map((e) => e.type)).toEqual(['created', 'deactivated', 'created', 'deleted']);
  expect(await openIntents()).toHaveLength(4);

  expect(await sweepNow()).toEqual({ recorded: 3, dropped: 1 });
  expect(await openIntents()).toEqual([]);
  const events = await take(3, head, [kept.id, gone.id]);
  // `kept` moved on to v2 before the sweep: its creation is told with the state it has now.
  expect(events.map((e) => [e.userId, e.type, e.version])).toEqual([
    [kept.id, 'created', 2],
    [kept.id, 'deactivated', 2],
    [gone.id, 'deleted', 2],
  ]);
  expect(events.map((e) => e.user?.status ?? null)).toEqual(['deactivated', 'deactivated', null]);
});

it('drops the intent of a write that failed before it reached the database', async () => {
  const raw = createUserRepository(db.models, db.versionClaims);
  const broken: UserRepository = { ...raw, insert: () => Promise.reject(new Error('socket hang up')) };
  const users = withUserEvents(broken, {
    events: db.userEvents,
    intents: db.userEventIntents,
    clock: systemClock,
    nextId: db.nextEventId,
    peek: (org, id) => raw.findById(org, id),
    onDeferred: () => undefined,
  });
  await expect(
    createUser(
      { users, clock: systemClock },
      { orgId, source: 'scim', ...by, attributes: attrs('intent.never@example.com') },
    ),
  ).rejects.toThrow('socket hang up');
  // The failure says nothing of whether the write landed: the intent stays for the sweep, which finds no user.
  expect(await openIntents()).toHaveLength(1);
  expect(await sweepNow()).toEqual({ recorded: 0, dropped: 1 });
});

it('leaves intents younger than the grace period to the writer still making them', async () => {
  const deferred: UserEvent[] = [];
  await createUser(
    { users: repositoryLosingEvents(deferred), clock: systemClock },
    { orgId, source: 'scim', ...by, attributes: attrs('intent.young@example.com') },
  );
  const deps = {
    intents: db.userEventIntents,
    events: db.userEvents,
    users: db.users,
    clock: systemClock,
    nextId: db.nextEventId,
  };
  expect(await recordOpenUserEvents(deps)).toEqual({ recorded: 0, dropped: 0 });
  expect(await openIntents()).toHaveLength(1);
});
