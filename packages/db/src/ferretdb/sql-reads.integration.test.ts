import { uuidV7 } from '@provisio/core';
import type { ListQuery, UserStatus } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../create-db.ts';
import type { Db } from '../create-db.ts';
import { createTestDb, createTestOrg, testMongoUri } from '../testing.ts';

/**
 * Differential: the same list pages through the SQL reads (the companion on) and through
 * mongoose alone (a second connection to the same database without it) must be identical:
 * order, totals, narrowing by status, missing sort values (last ascending, first descending), deep pages.
 */
let withSql: Awaited<ReturnType<typeof createTestDb>>;
let plain: Db;
let orgId: string;
const STATUSES: UserStatus[] = ['invited', 'active', 'deactivated'];

beforeAll(async () => {
  withSql = await createTestDb();
  plain = await createDb({ uri: testMongoUri(), dbName: withSql.connection.name });
  ({ orgId } = await createTestOrg(withSql));
  const other = await createTestOrg(withSql);
  const now = new Date();
  for (let i = 0; i < 90; i++) {
    // Mixed case, a missing family name every 7th, names that sort differently from ids.
    const familyName = i % 7 === 0 ? undefined : ['Émile', 'zeta', 'Alpha', 'beta', 'ALPHA2'][i % 5];
    const attributes = {
      userName: `U${(i * 37) % 90}@Example.com`,
      active: true,
      ...(familyName ? { name: { familyName } } : {}),
      emails: [{ value: `u${i}@example.com` }],
    };
    await withSql.users.insert(orgId, {
      id: uuidV7(),
      attributes,
      status: STATUSES[i % 3] ?? 'invited',
      source: 'scim',
      role: 'standard',
      now,
    });
    await withSql.users.insert(other.orgId, {
      id: uuidV7(),
      attributes,
      status: 'active',
      source: 'scim',
      role: 'standard',
      now,
    });
  }
  for (let i = 0; i < 30; i++)
    await withSql.groups.insert(orgId, { id: uuidV7(), attributes: { displayName: `G${(i * 7) % 30}` }, now });
}, 60_000);

afterAll(async () => {
  await plain.close();
  await withSql.drop();
});

const pages: Array<[string, ListQuery, UserStatus?]> = [
  ['first page', { startIndex: 1, count: 10 }],
  ['deep page', { startIndex: 71, count: 10 }],
  ['past the end', { startIndex: 200, count: 10 }],
  ['totals only', { startIndex: 1, count: 0 }],
  ['whole org, short page', { startIndex: 1, count: 1_000 }],
  ['by userName, descending', { startIndex: 11, count: 20, sortBy: 'userName', sortOrder: 'descending' }],
  ['by family name (missing values last)', { startIndex: 1, count: 30, sortBy: 'name.familyName' }],
  ['by family name, the page where values end', { startIndex: 71, count: 10, sortBy: 'name.familyName' }],
  ['by family name, descending', { startIndex: 61, count: 30, sortBy: 'name.familyName', sortOrder: 'descending' }],
  ['narrowed by status', { startIndex: 5, count: 10, sortBy: 'userName' }, 'deactivated'],
];

describe('list pages through SQL (FerretDB + PostgreSQL) and through mongoose', () => {
  it('runs on the companion here', () => {
    expect(withSql.engine()?.kind).toBe('ferretdb-postgresql');
  });

  it.each(pages)('users: %s', async (_name, query, status) => {
    const list = (db: Db) => db.users.list(orgId, { ...query, ...(status ? { status } : {}) });
    const [sql, mongo] = await Promise.all([list(withSql), list(plain)]);
    expect(sql.items.map((u) => u.id)).toEqual(mongo.items.map((u) => u.id));
    expect(sql).toEqual(mongo);
    expect(sql.totalResults).toBe(query.count === 0 || !status ? 90 : 30);
  });

  it.each(['ascending', 'descending'] as const)(
    'users: where missing family names go, %s, on both paths',
    async (sortOrder) => {
      for (const db of [withSql, plain]) {
        const { items } = await db.users.list(orgId, {
          startIndex: 1,
          count: 1_000,
          sortBy: 'name.familyName',
          sortOrder,
        });
        const missing = items.map((u) => u.attributes.name?.familyName === undefined);
        // 13 of 90 (every 7th) have none: one run at the end ascending, at the start descending.
        const expected = items.map((_, i) => (sortOrder === 'ascending' ? i >= 90 - 13 : i < 13));
        expect(missing).toEqual(expected);
      }
    },
  );

  it.each([1, 11, 25])('groups: a page from %i', async (startIndex) => {
    const [sql, mongo] = await Promise.all([
      withSql.groups.list(orgId, { startIndex, count: 10, sortBy: 'displayName' }),
      plain.groups.list(orgId, { startIndex, count: 10, sortBy: 'displayName' }),
    ]);
    expect(sql).toEqual(mongo);
    expect(sql.totalResults).toBe(30);
  });
});
