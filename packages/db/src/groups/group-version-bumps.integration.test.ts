import { changeGroupMembers, systemClock, uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../create-db.ts';
import { createTestDb, createTestOrg, testMongoUri } from '../testing.ts';

/** Two processes on one database: the test's and a second replica's connection. */
let db: Awaited<ReturnType<typeof createTestDb>>;
let replica: Awaited<ReturnType<typeof openDb>>['db'];
beforeAll(async () => {
  db = await createTestDb();
  replica = (await openDb({ uri: testMongoUri(), dbName: db.connection.name })).db;
});
afterAll(async () => {
  await replica.close();
  await db.drop();
});

const newGroup = async (orgId: string, displayName: string) =>
  db.groups.insert(orgId, { id: uuidV7(), attributes: { displayName }, now: new Date() });

it('bumps that overlap share one write per process: 2 × 20 at once move the version by 2, not 40', async () => {
  const { orgId } = await createTestOrg(db);
  const group = await newGroup(orgId, 'Everyone');
  const bump = (repo: typeof db.groups) => repo.bumpVersion(orgId, group.id, { now: new Date(), seenVersion: 1 });
  const answers = await Promise.all([
    ...Array.from({ length: 20 }, () => bump(db.groups)),
    ...Array.from({ length: 20 }, () => bump(replica.groups)),
  ]);
  const after = await db.groups.findById(orgId, group.id);
  // Every caller got a version written after it asked: the ETag moved for each of them.
  for (const answer of answers) expect(answer?.version).toBeGreaterThan(1);
  expect(after?.version).toBe(3);
});

it('keeps every member of 2 × 15 member adds sent at once to one group through two processes', async () => {
  const { orgId } = await createTestOrg(db);
  const group = await newGroup(orgId, 'Engineers');
  const users = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      db.users.insert(orgId, {
        id: uuidV7(),
        attributes: { userName: `member.${i}@example.com`, active: true },
        status: 'active',
        source: 'scim',
        role: 'standard',
        now: new Date(),
      }),
    ),
  );
  const answers = await Promise.all(
    users.map((user, i) =>
      changeGroupMembers(
        { users: (i % 2 ? replica : db).users, groups: (i % 2 ? replica : db).groups, clock: systemClock },
        { orgId, id: group.id, delta: { add: [{ value: user.id }], remove: [], replaceAll: false } },
      ),
    ),
  );
  const after = await db.groups.findById(orgId, group.id, { includeMembers: true });
  expect(after?.members?.map((m) => m.value).sort()).toEqual(users.map((u) => u.id).sort());
  for (const answer of answers) expect(answer.version).toBeGreaterThan(group.version);
  expect(after?.version).toBe(Math.max(...answers.map((a) => a.version)));
});

it('a bump of a deleted group is null', async () => {
  const { orgId } = await createTestOrg(db);
  const group = await newGroup(orgId, 'Gone');
  await db.groups.delete(orgId, group.id, new Date());
  expect(await db.groups.bumpVersion(orgId, group.id, { now: new Date(), seenVersion: 1 })).toBeNull();
});

it('a bump that keeps losing its version answers busy, retry (429 with Retry-After), not a 409', async () => {
  const { orgId } = await createTestOrg(db);
  const group = await newGroup(orgId, 'Held');
  // Another writer holds version 2 (and does not write it): every round of the bump loses.
  expect(
    await db.versionClaims.claims.take(`group:${orgId}:${group.id}:v2`, {
      now: new Date(),
      staleAfterMs: 30_000,
      holder: 'another replica',
    }),
  ).toBe(true);
  // Before, 40 lost rounds ended in CONFLICT, which SCIM answers as a 409 `uniqueness`.
  await expect(db.groups.bumpVersion(orgId, group.id, { now: new Date(), seenVersion: 1 })).rejects.toMatchObject({
    code: 'RATE_LIMITED',
    retryAfter: 1,
  });
  expect((await db.groups.findById(orgId, group.id))?.version).toBe(1);
});
