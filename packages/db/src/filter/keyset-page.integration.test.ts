import { uuidV7 } from '@provisio/core';
import type { FilterNode, KeysetQuery, UserStatus } from '@provisio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../create-db.ts';
import type { Db } from '../create-db.ts';
import { createTestDb, createTestOrg, testMongoUri } from '../testing.ts';

/**
 * Differential: a cursor walk (listAfter, page after page) through SQL (the companion on) and
 * through mongoose alone (what MongoDB runs) visits exactly the rows of the index listing, in
 * its order: missing values last ascending and first descending, ties by id, dates, narrowing.
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
  for (let i = 0; i < 60; i++) {
    // Mixed case, a missing family name every 7th, ties in family names and creation times.
    const familyName = i % 7 === 0 ? undefined : ['Émile', 'zeta', 'Alpha', 'beta', 'ALPHA2'][i % 5];
    const attributes = {
      userName: `U${(i * 37) % 60}@Example.com`,
      active: true,
      ...(familyName ? { name: { familyName } } : {}),
      emails: [{ value: `u${i}@example.com` }],
    };
    const now = new Date(Date.UTC(2026, 0, 1, 0, Math.floor(i / 4)));
    const user = { attributes, source: 'scim', role: 'standard', now } as const;
    await withSql.users.insert(orgId, { ...user, id: uuidV7(), status: STATUSES[i % 3] ?? 'invited' });
    await withSql.users.insert(other.orgId, { ...user, id: uuidV7(), status: 'active' });
  }
  for (let i = 0; i < 20; i++)
    await withSql.groups.insert(orgId, {
      id: uuidV7(),
      attributes: { displayName: `G${(i * 7) % 20}` },
      now: new Date(),
    });
}, 60_000);

afterAll(async () => {
  await plain.close();
  await withSql.drop();
});

const startsWithU1: FilterNode = { kind: 'compare', path: { attr: 'userName' }, op: 'sw', value: 'u1' };
type Order = Pick<KeysetQuery, 'sortBy' | 'sortOrder' | 'filter'> & { status?: UserStatus };
const orders: Array<[string, Order]> = [
  ['creation order', {}],
  ['creation order, descending', { sortOrder: 'descending' }],
  ['userName', { sortBy: 'userName' }],
  ['userName, descending', { sortBy: 'userName', sortOrder: 'descending' }],
  ['family name (missing last)', { sortBy: 'name.familyName' }],
  ['family name, descending (missing first)', { sortBy: 'name.familyName', sortOrder: 'descending' }],
  ['meta.created (dates, ties)', { sortBy: 'meta.created', sortOrder: 'descending' }],
  ['narrowed by status', { sortBy: 'userName', status: 'active' }],
  ['filtered', { filter: startsWithU1, sortBy: 'userName', sortOrder: 'descending' }],
];

async function walk(db: Db, order: Order, count: number) {
  const ids: string[] = [];
  let after: KeysetQuery['after'];
  for (let pages = 0; pages < 100; pages++) {
    const page = await db.users.listAfter(orgId, { ...order, count, ...(after ? { after } : {}) });
    ids.push(...page.items.map((u) => u.id));
    if (!page.next) return { ids, total: page.totalResults };
    after = page.next;
  }
  throw new Error('the walk did not end');
}

describe('cursor walks through SQL (FerretDB + PostgreSQL) and through mongoose', () => {
  it('runs on the companion here', () => {
    expect(withSql.engine()?.kind).toBe('ferretdb-postgresql');
  });

  it('reads no total when the cursor carries it (withTotal: false), on both paths', async () => {
    for (const db of [withSql, plain]) {
      const first = await db.users.listAfter(orgId, { count: 3 });
      expect(first.totalResults).toBeGreaterThan(3);
      const later = await db.users.listAfter(orgId, {
        count: 3,
        withTotal: false,
        ...(first.next ? { after: first.next } : {}),
      });
      expect([later.items.length, 'totalResults' in later]).toEqual([3, false]);
    }
  });

  it.each(orders)('users: %s', async (_name, order) => {
    const index = await plain.users.list(orgId, { ...order, startIndex: 1, count: 1_000 });
    const expected = { ids: index.items.map((u) => u.id), total: index.totalResults };
    expect(expected.total).toBeGreaterThan(0);
    expect(await walk(withSql, order, 7)).toEqual(expected);
    expect(await walk(plain, order, 7)).toEqual(expected);
  });

  it('groups: displayName, descending, both paths', async () => {
    const index = await plain.groups.list(orgId, {
      sortBy: 'displayName',
      sortOrder: 'descending',
      startIndex: 1,
      count: 100,
    });
    for (const db of [withSql, plain]) {
      const first = await db.groups.listAfter(orgId, { sortBy: 'displayName', sortOrder: 'descending', count: 15 });
      const rest = first.next
        ? await db.groups.listAfter(orgId, {
            sortBy: 'displayName',
            sortOrder: 'descending',
            count: 15,
            after: first.next,
          })
        : undefined;
      expect([...first.items, ...(rest?.items ?? [])].map((g) => g.id)).toEqual(index.items.map((g) => g.id));
      expect(rest?.next).toBeNull();
    }
  });
});
