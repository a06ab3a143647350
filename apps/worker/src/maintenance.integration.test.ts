import { systemClock, uuidV7 } from '@provisio/core';
import { newUserDoc } from '@provisio/db';
import { createTestDb, createTestOrg } from '@provisio/db/testing';
import { createLogger } from '@provisio/logger';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { maintenanceTasks } from './maintenance.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

it('gives users stored by older code their keys from the periodic maintenance (not at the index sync)', async () => {
  const { orgId } = await createTestOrg(db);
  const id = uuidV7();
  const now = new Date();
  const attributes = { userName: 'grace', active: true, displayName: 'Grace Hopper' };
  const stored = newUserDoc(orgId, { id, attributes, status: 'active', source: 'scim', role: 'standard', now });
  // What older code stored: the same document without the lookup keys added since.
  const { emailKeys: _emailKeys, searchKeys: _searchKeys, ...storedByOlderCode } = stored;
  await db.models.users.collection.insertOne(storedByOlderCode as never);
  // Invites play no part here: the dispatcher is never called by this task.
  const dispatcher = { dispatch: () => Promise.resolve(), isQueued: () => Promise.resolve(false) };
  const tasks = maintenanceTasks({
    db,
    clock: systemClock,
    logger: createLogger({ name: 'test', level: 'silent' }),
    dispatcher,
    inviteSweepIntervalMs: 60_000,
  });
  const backfill = tasks.find((t) => t.name === 'user keys backfill');
  expect(await backfill?.run()).toEqual({ updated: 1, done: false });
  const page = await db.users.list(orgId, { text: 'hopper gr', startIndex: 1, count: 5 });
  expect(page.items.map((u) => u.id)).toEqual([id]);
  // Nothing left to do: the next pass writes nothing and logs nothing.
  expect(await backfill?.run()).toBeUndefined();
});
