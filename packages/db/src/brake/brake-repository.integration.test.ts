import { admitDeprovision, releaseBrake } from '@provisio/core/brake';
import type { AdmitDeprovisionDeps } from '@provisio/core/brake';
import { AppError, uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, openDb, testMongoUri } from '../testing.ts';
import { newUserDoc } from '../users/user-repository.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
// A second connection to the same database: another server replica.
let replica: Awaited<ReturnType<typeof openDb>>['db'];
beforeAll(async () => {
  db = await createTestDb();
  replica = (await openDb({ uri: testMongoUri(), dbName: db.connection.name })).db;
});
afterAll(async () => {
  await replica.close();
  await db.drop();
});

const now = new Date('2026-12-03T09:00:00Z');
const clock = { now: () => now };

function depsOf(brakes: typeof db.brakes, alerts: Array<{ orgId: string; generation: number }>): AdmitDeprovisionDeps {
  return {
    brakes,
    clock,
    alerts: { braked: (a) => Promise.resolve(void alerts.push(a)) },
    onAlertError: () => undefined,
    audit: undefined,
  };
}

const admit = (deps: AdmitDeprovisionDeps, orgId: string, i: number) =>
  admitDeprovision(deps, { orgId, userId: `u${i}`, userName: `user${i}@example.com`, action: 'deactivate' }).then(
    () => 'admitted' as const,
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'RATE_LIMITED') return 'held' as const;
      throw error;
    },
  );

it('lets no more than the threshold through when two replicas race, brakes once, and records every held user', async () => {
  const orgId = uuidV7();
  await db.brakes.saveSettings(orgId, { percent: 0, count: 10 }, now);
  const alerts: Array<{ orgId: string; generation: number }> = [];
  const replicas = [depsOf(db.brakes, alerts), depsOf(replica.brakes, alerts)];
  const outcomes = await Promise.all(
    Array.from({ length: 30 }, (_, i) => admit(replicas[i % 2] as AdmitDeprovisionDeps, orgId, i)),
  );
  const admitted = outcomes.filter((o) => o === 'admitted').length;
  // Each counts after its own insert: at most 10 pass, and when all insert before any counts, none does (the safe side).
  expect(admitted).toBeLessThanOrEqual(10);
  expect(alerts).toEqual([{ orgId, generation: 0 }]);
  expect(await db.brakes.state(orgId)).toMatchObject({ braked: true, generation: 0 });
  expect(await db.brakes.held(orgId, 0)).toHaveLength(30 - admitted);
});

it('after a release lets the held users through uncounted and counts the others afresh', async () => {
  const orgId = uuidV7();
  await db.brakes.saveSettings(orgId, { percent: 0, count: 2 }, now);
  const deps = depsOf(db.brakes, []);
  const first = [];
  for (let i = 0; i < 5; i++) first.push(await admit(deps, orgId, i));
  expect(first).toEqual(['admitted', 'admitted', 'held', 'held', 'held']);
  // A held user retried while braked is held again, and counted as one held user.
  expect(await admit(deps, orgId, 3)).toBe('held');
  expect((await db.brakes.held(orgId, 0)).map((h) => [h.userId, h.attempts])).toEqual([
    ['u2', 1],
    ['u3', 2],
    ['u4', 1],
  ]);

  const { released } = await releaseBrake({ brakes: db.brakes, clock }, orgId);
  expect(released.map((h) => h.userId)).toEqual(['u2', 'u3', 'u4']);
  await expect(releaseBrake({ brakes: replica.brakes, clock }, orgId)).rejects.toMatchObject({ code: 'CONFLICT' });
  // The IdP's retries of the released users pass, and do not use up the new count.
  for (const i of [2, 3, 4]) expect(await admit(deps, orgId, i)).toBe('admitted');
  expect([await admit(deps, orgId, 10), await admit(deps, orgId, 11), await admit(deps, orgId, 12)]).toEqual([
    'admitted',
    'admitted',
    'held',
  ]);
  expect(await db.brakes.state(orgId)).toMatchObject({ braked: true, generation: 1 });
});

it('is off when both rules are 0, and prunes marks older than the window', async () => {
  const orgId = uuidV7();
  await db.brakes.saveSettings(orgId, { percent: 0, count: 0 }, now);
  const deps = depsOf(db.brakes, []);
  for (let i = 0; i < 60; i++) expect(await admit(deps, orgId, i)).toBe('admitted');
  const other = uuidV7();
  await db.brakes.mark(other, 0, 'u1', new Date(now.getTime() - 11 * 60_000));
  expect(await db.brakes.pruneMarks(new Date(now.getTime() - 10 * 60_000))).toBeGreaterThanOrEqual(1);
  expect(await db.brakes.countMarks(other, 0, new Date(0))).toBe(0);
});

it('brakes past 10 % of the users active when the window began (the percent rule, counted from storage)', async () => {
  const orgId = uuidV7();
  await db.brakes.saveSettings(orgId, { percent: 10, count: 0 }, now);
  // 60 active and 40 invited users; 5 deactivated ones do not count as active.
  const doc = (i: number, status: 'active' | 'invited' | 'deactivated') =>
    newUserDoc(orgId, {
      id: uuidV7(),
      attributes: { userName: `p${i}@example.com`, active: status !== 'deactivated' },
      status,
      source: 'scim',
      role: 'standard',
      now,
    });
  await db.models.users.insertMany([
    ...Array.from({ length: 60 }, (_, i) => doc(i, 'active')),
    ...Array.from({ length: 40 }, (_, i) => doc(100 + i, 'invited')),
    ...Array.from({ length: 5 }, (_, i) => doc(200 + i, 'deactivated')),
  ]);
  const deps = depsOf(db.brakes, []);
  const outcomes = [];
  // Marks only (the users stay as stored): active before = 100 + n, so the 12th is past 10 %.
  for (let i = 0; i < 12; i++) outcomes.push(await admit(deps, orgId, i));
  expect(outcomes.lastIndexOf('admitted')).toBe(10);
  expect(outcomes[11]).toBe('held');
});

it('counts active users only up to the bound it was given, without FerretDB reading the whole org', async () => {
  const orgId = uuidV7();
  const users = (status: 'active' | 'invited', n: number, from: number) =>
    Array.from({ length: n }, (_, i) =>
      newUserDoc(orgId, {
        id: uuidV7(),
        attributes: { userName: `c${from + i}@example.com`, active: true },
        status,
        source: 'scim',
        role: 'standard',
        now,
      }),
    );
  await db.models.users.insertMany([...users('active', 1_200, 0), ...users('invited', 30, 5_000)], { lean: true });
  const sent: string[] = [];
  const client = db.connection.getClient();
  const listen = (e: { commandName: string; command: Record<string, unknown> }) => {
    if (e.command[e.commandName] === 'users') sent.push(e.commandName);
  };
  client.on('commandStarted', listen);
  try {
    expect(await db.brakes.countActiveUsers(orgId, 60)).toBe(60);
    expect(await db.brakes.countActiveUsers(orgId, 1_220)).toBe(1_220);
    expect(await db.brakes.countActiveUsers(orgId, 5_000)).toBe(1_230);
  } finally {
    client.off('commandStarted', listen);
  }
  // FerretDB's `count` (or `find`) with a limit reads every row its equalities match: the companion's SQL stops at the bound.
  expect(sent).toEqual([]);
});
