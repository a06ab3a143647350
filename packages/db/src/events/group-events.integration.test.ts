import {
  createGroup,
  createUser,
  deleteGroup,
  deleteUser,
  patchGroup,
  replaceGroup,
  systemClock,
} from '@provisio/core';
import type { GroupRecord } from '@provisio/core';
import { createUserEventFeed, eventIdFloor, recordOpenGroupEvents, withGroupEvents } from '@provisio/core/events';
import type { GroupEvent, GroupEventStore, UserEvent } from '@provisio/core/events';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createGroupRepository } from '../groups/group-repository.ts';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;
const by = { authority: { admin: false, adminDelegated: false } };
const attrs = (userName: string) => ({
  userName,
  active: true,
  emails: [{ value: userName, type: 'work', primary: true }],
});

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
});
afterAll(() => db.drop());

const deps = () => ({ users: db.users, groups: db.groups, clock: systemClock });
const newUser = async (name: string) =>
  (await createUser(deps(), { orgId, source: 'scim', ...by, attributes: attrs(`${name}@example.com`) })).id;
/** What the worker's open group event sweep gets. */
const sweepDeps = () => ({
  intents: db.groupEventIntents,
  events: db.groupEvents,
  groups: db.groups,
  membersAmong: db.membersAmong,
  clock: systemClock,
  nextId: db.nextEventId,
});
const openIntents = () => db.groupEventIntents.listBefore('~', 1_000);
/** Every group event of `groupId` after `after`, in id order, as [type, user or version]. */
const told = async (after: string, groupId: string) =>
  (await db.groupEvents.listBetween(orgId, { after, before: '~', limit: 1_000 }))
    .filter((e) => e.groupId === groupId)
    .map((e) => [e.type, e.userId ?? e.version]);
const rename = (displayName: string) => (current: GroupRecord) => ({
  attributes: { ...current.attributes, displayName },
});

it('records create, rename, member adds and removes (a PUT as its diff) and delete, in order; a member bump is no group.updated', async () => {
  const head = eventIdFloor(Date.now());
  const [a, b, c] = [await newUser('ge.a'), await newUser('ge.b'), await newUser('ge.c')];
  const group = await createGroup(deps(), { orgId, attributes: { displayName: 'Events' }, members: [{ value: a }] });
  await patchGroup(deps(), { orgId, id: group.id, apply: rename('Events 2') });
  await patchGroup(deps(), {
    orgId,
    id: group.id,
    apply: (current) => ({
      attributes: current.attributes,
      members: { add: [{ value: b }], remove: [], replaceAll: false },
    }),
  });
  // PUT {b, c}: a leaves, c joins, b stays (no event for b); the name is unchanged (no group.updated).
  await replaceGroup(deps(), {
    orgId,
    id: group.id,
    attributes: { displayName: 'Events 2' },
    members: [{ value: b }, { value: c }],
  });
  await deleteGroup(deps(), { orgId, id: group.id });
  expect(await told(head, group.id)).toEqual([
    ['group.created', 1],
    ['membership.added', a],
    ['group.updated', 2],
    ['membership.added', b],
    ['membership.removed', a],
    ['membership.added', c],
    // Create with members: v1; rename: v2; the add bumps to v3; the PUT writes v4; the delete is v5.
    ['group.deleted', 5],
  ]);
  const [created] = await db.groupEvents.listBetween(orgId, { after: head, before: '~', limit: 1 });
  expect(created?.group).toMatchObject({ id: group.id, displayName: 'Events', version: 1 });
  expect(created?.group).not.toHaveProperty('members');
  await vi.waitFor(async () => expect(await openIntents()).toEqual([]));
});

it('keeps the user stream to user events, and webhooks read both logs in one order', async () => {
  const head = eventIdFloor(Date.now());
  const before = await newUser('ge.stream.before');
  const group = await createGroup(deps(), {
    orgId,
    attributes: { displayName: 'Stream' },
    members: [{ value: before }],
  });
  const after = await newUser('ge.stream.after');
  await deleteUser(deps(), { orgId, id: after });

  const ac = new AbortController();
  const streamed: UserEvent[] = [];
  for await (const event of createUserEventFeed({ events: db.userEvents, clock: systemClock }).subscribe(orgId, {
    lastEventId: head,
    signal: ac.signal,
  })) {
    streamed.push(event);
    if (streamed.length === 3) ac.abort();
  }
  expect(streamed.map((e) => [e.type, e.userId])).toEqual([
    ['created', before],
    ['created', after],
    ['deleted', after],
  ]);
  const merged = await db.webhookEvents.listBetween(orgId, { after: head, before: '~', limit: 100 });
  expect(merged.map((e) => e.type)).toEqual([
    'user.created',
    'group.created',
    'membership.added',
    'user.created',
    'user.deleted',
  ]);
  expect(merged[2]?.data).toEqual({ groupId: group.id, userId: before });
  // A page of the merge is its first events, whichever log they come from.
  const firstTwo = await db.webhookEvents.listBetween(orgId, { after: head, before: '~', limit: 2 });
  expect(firstTwo.map((e) => e.type)).toEqual(['user.created', 'group.created']);
});

it('records the events of group writes whose event store failed, once the sweep settles their intents', async () => {
  const head = eventIdFloor(Date.now());
  const [a, b] = [await newUser('ge.lossy.a'), await newUser('ge.lossy.b')];
  const deferred: GroupEvent[][] = [];
  const failing: GroupEventStore = { ...db.groupEvents, append: () => Promise.reject(new Error('connection closed')) };
  const lossyGroups = withGroupEvents(createGroupRepository(db.models, db.versionClaims), {
    events: failing,
    intents: db.groupEventIntents,
    clock: systemClock,
    nextId: db.nextEventId,
    memberIds: async (org, id) =>
      (await db.groups.listMembers(org, id, { startIndex: 1, count: 1_000 })).items.map((m) => m.value),
    onDeferred: (_error, events) => deferred.push(events),
  });
  const lossy = { users: db.users, groups: lossyGroups, clock: systemClock };
  const kept = await createGroup(lossy, { orgId, attributes: { displayName: 'Lossy' }, members: [{ value: a }] });
  await patchGroup(lossy, { orgId, id: kept.id, apply: rename('Lossy 2') });
  await replaceGroup(lossy, { orgId, id: kept.id, attributes: { displayName: 'Lossy 2' }, members: [{ value: b }] });
  const gone = await createGroup(lossy, { orgId, attributes: { displayName: 'Lossy gone' } });
  await deleteGroup(lossy, { orgId, id: gone.id });
  expect(deferred.flat().map((e) => e.type)).toEqual([
    'group.created',
    'membership.added',
    'group.updated',
    'membership.removed',
    'membership.added',
    'group.created',
    'group.deleted',
  ]);
  expect(await told(head, kept.id)).toEqual([]);
  expect(await openIntents()).toHaveLength(7);

  // Younger than the grace period: left to the writer still making them.
  expect(await recordOpenGroupEvents(sweepDeps())).toEqual({ recorded: 0, dropped: 0 });
  // Dropped: `gone`'s creation (the group is gone; its delete is told) and `a`'s add (a left since; its
  // removal is told): what the sweep records is judged from the state now, as the user sweep does.
  expect(await recordOpenGroupEvents(sweepDeps(), { graceMs: 0 })).toEqual({ recorded: 5, dropped: 2 });
  expect(await openIntents()).toEqual([]);
  // `kept` moved on before the sweep: its creation is told with the state it has now.
  expect(await told(head, kept.id)).toEqual([
    ['group.created', 3],
    ['group.updated', 3],
    ['membership.removed', a],
    ['membership.added', b],
  ]);
  expect(await told(head, gone.id)).toEqual([['group.deleted', 2]]);
});

it('closes the intent of a refused write without an event, and drops one whose write never landed', async () => {
  await createGroup(deps(), { orgId, attributes: { displayName: 'Taken' } });
  await expect(createGroup(deps(), { orgId, attributes: { displayName: 'TAKEN' } })).rejects.toMatchObject({
    code: 'CONFLICT',
  });
  const raw = createGroupRepository(db.models, db.versionClaims);
  const broken = withGroupEvents(
    { ...raw, insert: () => Promise.reject(new Error('socket hang up')) },
    {
      events: db.groupEvents,
      intents: db.groupEventIntents,
      clock: systemClock,
      nextId: db.nextEventId,
      memberIds: () => Promise.resolve([]),
      onDeferred: () => undefined,
    },
  );
  await expect(
    createGroup(
      { users: db.users, groups: broken, clock: systemClock },
      { orgId, attributes: { displayName: 'Never' } },
    ),
  ).rejects.toThrow('socket hang up');
  await vi.waitFor(async () => expect(await openIntents()).toHaveLength(1));
  expect(await recordOpenGroupEvents(sweepDeps(), { graceMs: 0 })).toEqual({ recorded: 0, dropped: 1 });
});
