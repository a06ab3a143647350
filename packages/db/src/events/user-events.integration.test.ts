import { createUser, deleteUser, patchUser, replaceUser, setUserActive, systemClock } from '@provisio/core';
import { createUserEventFeed, sweepEvents, userEventHead } from '@provisio/core/events';
import type { UserEvent } from '@provisio/core/events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb } from '../create-db.ts';
import { createTestDb, createTestOrg, testMongoUri } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;
const deps = () => ({ users: db.users, groups: db.groups, clock: systemClock });
const attrs = (userName: string, active = true) => ({
  userName,
  active,
  emails: [{ value: userName, type: 'work', primary: true }],
});
/** Writes as a SCIM key makes them: no admin rights. */
const by = { authority: { admin: false, adminDelegated: false } };

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
});
afterAll(() => db.drop());

/** Reads the stream until `count` events arrived. */
async function take(count: number, lastEventId?: string): Promise<UserEvent[]> {
  const ac = new AbortController();
  const out: UserEvent[] = [];
  for await (const event of createUserEventFeed({ events: db.userEvents, clock: systemClock }).subscribe(orgId, {
    lastEventId: lastEventId ?? null,
    signal: ac.signal,
  })) {
    out.push(event);
    if (out.length === count) ac.abort();
  }
  return out;
}

it('records every lifecycle change of the core services, in order, with versions', async () => {
  const head = userEventHead(systemClock);
  const u = await createUser(deps(), { orgId, source: 'scim', ...by, attributes: attrs('events.a@example.com') });
  await replaceUser(deps(), {
    orgId,
    ...by,
    id: u.id,
    attributes: { ...attrs('events.a@example.com'), title: 'Boss' },
  });
  await setUserActive(deps(), { orgId, ...by, id: u.id, active: false });
  await setUserActive(deps(), { orgId, ...by, id: u.id, active: false });
  await patchUser(deps(), {
    orgId,
    ...by,
    id: u.id,
    apply: (c) => ({ attributes: { ...c.attributes, active: true } }),
  });
  await deleteUser(deps(), { orgId, id: u.id });
  const events = await take(5, head);
  expect(events.map((e) => [e.type, e.version])).toEqual([
    ['created', 1],
    ['updated', 2],
    ['deactivated', 3],
    ['reactivated', 4],
    ['deleted', 5],
  ]);
  expect(events.map((e) => e.id)).toEqual(events.map((e) => e.id).sort());
  expect(events[1]?.user?.attributes.title).toBe('Boss');
  expect(events[4]?.user).toBeNull();
});

it('a second connection (another process) writing the same users keeps per-user versions and one event per write', async () => {
  const second = await createDb({ uri: testMongoUri(), dbName: db.connection.name });
  try {
    const head = userEventHead(systemClock);
    const users = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        createUser(deps(), { orgId, source: 'scim', ...by, attributes: attrs(`race.${i}@example.com`) }),
      ),
    );
    const pairs = users.flatMap((u) =>
      [db, second].map((d, n) =>
        patchUser(
          { users: d.users, clock: systemClock },
          { orgId, ...by, id: u.id, apply: (c) => ({ attributes: { ...c.attributes, title: `t${n}` } }) },
        ),
      ),
    );
    await Promise.all(pairs);
    const events = await take(15, head);
    for (const u of users) {
      expect(events.filter((e) => e.userId === u.id).map((e) => e.version)).toEqual([1, 2, 3]);
    }
  } finally {
    await second.close();
  }
});

it('sweeps nothing within retention, and everything past it', async () => {
  // A database of its own: the count does not depend on what other tests wrote.
  const own = await createTestDb();
  try {
    const { orgId: ownOrg } = await createTestOrg(own);
    const ownDeps = { users: own.users, groups: own.groups, clock: systemClock };
    const u = await createUser(ownDeps, {
      orgId: ownOrg,
      source: 'scim',
      ...by,
      attributes: attrs('sweep.a@example.com'),
    });
    await setUserActive(ownDeps, { orgId: ownOrg, ...by, id: u.id, active: false });
    await createUser(ownDeps, { orgId: ownOrg, source: 'scim', ...by, attributes: attrs('sweep.b@example.com') });
    expect(await sweepEvents({ events: own.userEvents, clock: systemClock })).toBe(0);
    const future = { now: () => new Date(Date.now() + 31 * 24 * 3600_000) };
    expect(await sweepEvents({ events: own.userEvents, clock: future })).toBe(3);
    expect(await sweepEvents({ events: own.userEvents, clock: future })).toBe(0);
  } finally {
    await own.drop();
  }
});

it('a delete racing an update gets the version after it: a mirror applying newer versions ends with the user gone', async () => {
  const head = userEventHead(systemClock);
  const users = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      createUser(deps(), { orgId, source: 'scim', ...by, attributes: attrs(`delete.race.${i}@example.com`) }),
    ),
  );
  await Promise.all(
    users.flatMap((u) => [
      patchUser(deps(), {
        orgId,
        ...by,
        id: u.id,
        apply: (c) => ({ attributes: { ...c.attributes, title: 'Racing' } }),
      }).catch(() => undefined),
      deleteUser(deps(), { orgId, id: u.id }),
    ]),
  );
  // Read until every user's delete arrived (a patch that came after the delete made no event).
  const pending = new Set(users.map((u) => u.id));
  const events: UserEvent[] = [];
  const ac = new AbortController();
  for await (const event of createUserEventFeed({ events: db.userEvents, clock: systemClock }).subscribe(orgId, {
    lastEventId: head,
    signal: ac.signal,
  })) {
    events.push(event);
    if (event.type === 'deleted') pending.delete(event.userId);
    if (pending.size === 0) ac.abort();
  }
  for (const u of users) {
    const mine = events.filter((e) => e.userId === u.id).map((e) => [e.type, e.version] as const);
    const versions = mine.map(([, v]) => v);
    expect(new Set(versions).size, JSON.stringify(mine)).toBe(versions.length);
    expect(mine.at(-1), JSON.stringify(mine)).toEqual(['deleted', Math.max(...versions)]);
  }
});
