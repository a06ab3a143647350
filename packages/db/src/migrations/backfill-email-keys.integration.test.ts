import { uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let orgId: string;

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
});
afterAll(async () => {
  await db.drop();
});

describe('emailKeys backfill', () => {
  it('gives users stored before emailKeys existed their keys at the next index sync, once', async () => {
    const now = new Date();
    const id = uuidV7();
    // As a user written by the previous code: no emailKeys.
    await db.models.users.collection.insertOne({
      _id: id, orgId, userName: 'old', userNameKey: 'old', attributes: { userName: 'old', emails: [{ value: 'Old.One@Example.com' }, { value: 'second@example.com' }] },
      search: { emails: [{ value: 'old.one@example.com' }, { value: 'second@example.com' }] }, status: 'active', source: 'scim', role: 'standard', version: 3, createdAt: now, updatedAt: now,
    } as never);
    expect((await db.users.page(orgId, { email: 'OLD.ONE@example.com', limit: 5 })).map((u) => u.id)).toEqual([]);
    await db.syncIndexes();
    const stored = await db.models.users.findById(id).lean();
    expect(stored).toMatchObject({ emailKeys: ['old.one@example.com', 'second@example.com'], version: 3, updatedAt: now });
    expect((await db.users.page(orgId, { email: 'OLD.ONE@example.com', limit: 5 })).map((u) => u.id)).toEqual([id]);
    expect((await db.users.list(orgId, { filter: { kind: 'compare', path: { attr: 'emails' }, op: 'eq', value: 'Second@Example.com' }, startIndex: 1, count: 5 })).items.map((u) => u.id)).toEqual([id]);
  });
});
