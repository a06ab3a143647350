import { uuidV7 } from '@provisio/core';
import type { UserAttributes, UserStatus } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../create-db.ts';
import type { Db } from '../create-db.ts';
import { createTestDb, createTestOrg, testMongoUri } from '../testing.ts';
import { newUserDoc } from './user-repository.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
/** The same database without the companion's SQL reads: what MongoDB runs (mongoose's form). */
let plain: Db;
let orgId: string;
const now = new Date('2026-06-01T00:00:00Z');
const people: Array<[string, Partial<UserAttributes>, UserStatus?]> = [
  ['ada@example.com', { displayName: 'Ada Lovelace', emails: [{ value: 'ada@analytical.example' }] }],
  ['adam.smith@example.com', { name: { givenName: 'Adam', familyName: 'Smith' } }, 'deactivated'],
  ['nevada@example.com', { displayName: 'Ne Vada' }],
  ['jose@example.com', { displayName: 'José Núñez' }],
  ...Array.from({ length: 33 }, (_, i): [string, Partial<UserAttributes>] => [
    `seed${String(i).padStart(2, '0')}@example.com`,
    { displayName: `Seed User ${i}` },
  ]),
];

beforeAll(async () => {
  db = await createTestDb();
  ({ orgId } = await createTestOrg(db));
  // Another org's users never show up in a search.
  const other = await createTestOrg(db);
  const docs = people.flatMap(([userName, extra, status]) =>
    [orgId, other.orgId].map((org) =>
      newUserDoc(org, {
        id: uuidV7(),
        attributes: { userName, active: true, ...extra },
        status: status ?? 'active',
        source: 'scim',
        role: 'standard',
        now,
      }),
    ),
  );
  await db.models.users.insertMany(docs, { lean: true });
  plain = await createDb({ uri: testMongoUri(), dbName: db.connection.name });
});
afterAll(async () => {
  await plain.close();
  await db.drop();
});

const names = async (
  store: Db,
  text: string,
  more: { status?: UserStatus; startIndex?: number; count?: number } = {},
) => {
  const page = await store.users.list(orgId, {
    text,
    sortBy: 'userName',
    startIndex: more.startIndex ?? 1,
    count: more.count ?? 50,
    ...(more.status ? { status: more.status } : {}),
  });
  return { total: page.totalResults, names: page.items.map((u) => u.userName) };
};

describe('users.list with text (the users page search)', () => {
  it.each([
    ['ada', ['ada@example.com', 'adam.smith@example.com']],
    ['ADA love', ['ada@example.com']],
    ['analytical', ['ada@example.com']],
    ['vada', ['nevada@example.com']],
    ['nunez jos', ['jose@example.com']],
    ['smith adam', ['adam.smith@example.com']],
    ['lovelace x', []],
  ])('%s → word prefixes, the same on both paths', async (text, expected) => {
    expect((await names(db, text)).names).toEqual(expected);
    expect((await names(plain, text)).names).toEqual(expected);
  });

  it('narrows by status too', async () => {
    expect((await names(db, 'ada', { status: 'active' })).names).toEqual(['ada@example.com']);
    expect((await names(plain, 'ada', { status: 'deactivated' })).names).toEqual(['adam.smith@example.com']);
  });

  it('pages a search in userName order with the right totals, on both paths', async () => {
    const all = people
      .map(([u]) => u)
      .filter((u) => u.startsWith('seed'))
      .sort();
    for (const store of [db, plain]) {
      const pages = await Promise.all(
        [1, 11, 21, 31].map((startIndex) => names(store, 'seed user', { startIndex, count: 10 })),
      );
      expect(pages.map((p) => p.total)).toEqual([33, 33, 33, 33]);
      expect(pages.flatMap((p) => p.names)).toEqual(all);
    }
    // "Seed User 3" is a word prefix of 3 and 30–32.
    expect((await names(db, 'seed user 3')).names).toEqual([
      'seed03@example.com',
      'seed30@example.com',
      'seed31@example.com',
      'seed32@example.com',
    ]);
  });
});
