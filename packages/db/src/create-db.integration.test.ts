import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidV7 } from '@provisio/core';
import { randomUUID } from 'node:crypto';
import { createTestDb, openDb, testMongoUri, testPostgresUrl } from './testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.drop();
});

it('writes and reads a document through mongoose on the real server', async () => {
  const id = uuidV7();
  await db.models.orgs.create({ _id: id, name: 'Acme', nameKey: 'acme', plan: 'enterprise' });
  const found = await db.models.orgs.findById(id).lean();
  expect(found?.name).toBe('Acme');
  expect(found?.createdAt).toBeInstanceOf(Date);
});

it('enforces a unique index on the normalised key', async () => {
  await db.models.orgs.create({ _id: uuidV7(), name: 'Globex', nameKey: 'globex', plan: 'free' });
  await expect(
    db.models.orgs.create({ _id: uuidV7(), name: 'GLOBEX', nameKey: 'globex', plan: 'free' }),
  ).rejects.toMatchObject({ code: 11000 });
  expect(await db.models.orgs.countDocuments({ nameKey: 'globex' })).toBe(1);
});

it('answers ping', async () => {
  await expect(db.ping()).resolves.toBeUndefined();
});

it('creates no partial index on FerretDB, and syncing indexes warns of nothing', async () => {
  const warnings: string[] = [];
  const { db: own } = await openDb({
    uri: testMongoUri(),
    dbName: `test_${randomUUID().replaceAll('-', '')}`,
    ferretdbPostgresUrl: testPostgresUrl(),
    onWarning: (message) => warnings.push(message),
  });
  try {
    await own.syncIndexes();
    expect(own.engine()?.kind).toMatch(/^ferretdb/);
    const names = (await own.connection.db?.collection('users').indexes())?.map((i) => i.name) ?? [];
    expect(names.filter((n) => n?.startsWith('sign_in_') || n === 'org_admins')).toEqual([]);
    expect(warnings).toEqual([]);
  } finally {
    await own.connection.dropDatabase();
    await own.close();
  }
});
