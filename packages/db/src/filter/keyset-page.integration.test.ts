import type { FilterNode, KeysetQuery, UserStatus } from '@provisio/core';
import { describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { twoPathsFixture } from '../ferretdb/two-paths-fixture.ts';

/**
 * Differential: a cursor walk (listAfter, page after page) through SQL (the companion on) and
 * through mongoose alone (what MongoDB runs) visits exactly the rows of the index listing, in
 * its order: missing values last ascending and first descending, ties by id, dates, narrowing.
 */
const fx = twoPathsFixture({
  users: 60,
  groups: 20,
  createdAt: (i) => new Date(Date.UTC(2026, 0, 1, 0, Math.floor(i / 4))),
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
    const page = await db.users.listAfter(fx.orgId, { ...order, count, ...(after ? { after } : {}) });
    ids.push(...page.items.map((u) => u.id));
    if (!page.next) return { ids, total: page.totalResults };
    after = page.next;
  }
  throw new Error('the walk did not end');
}

describe('cursor walks through SQL (FerretDB + PostgreSQL) and through mongoose', () => {
  it('runs on the companion here', () => {
    expect(fx.withSql.engine()?.kind).toBe('ferretdb-postgresql');
  });

  it('reads no total when the cursor carries it (withTotal: false), on both paths', async () => {
    for (const db of [fx.withSql, fx.plain]) {
      const first = await db.users.listAfter(fx.orgId, { count: 3 });
      expect(first.totalResults).toBeGreaterThan(3);
      const later = await db.users.listAfter(fx.orgId, {
        count: 3,
        withTotal: false,
        ...(first.next ? { after: first.next } : {}),
      });
      expect([later.items.length, 'totalResults' in later]).toEqual([3, false]);
    }
  });

  it.each(orders)('users: %s', async (_name, order) => {
    const index = await fx.plain.users.list(fx.orgId, { ...order, startIndex: 1, count: 1_000 });
    const expected = { ids: index.items.map((u) => u.id), total: index.totalResults };
    expect(expected.total).toBeGreaterThan(0);
    expect(await walk(fx.withSql, order, 7)).toEqual(expected);
    expect(await walk(fx.plain, order, 7)).toEqual(expected);
  });

  it('users in a group (a filter read as an id list), both directions, both paths', async () => {
    const groupId = fx.groupIds.at(-1) ?? '';
    const inGroup: FilterNode = { kind: 'compare', path: { attr: 'groups' }, op: 'eq', value: groupId };
    for (const order of [{ filter: inGroup }, { filter: inGroup, sortOrder: 'descending' as const }]) {
      const index = await fx.plain.users.list(fx.orgId, { ...order, startIndex: 1, count: 1_000 });
      const expected = { ids: index.items.map((u) => u.id), total: index.totalResults };
      expect(expected.total).toBe(15);
      expect(await walk(fx.withSql, order, 4)).toEqual(expected);
      expect(await walk(fx.plain, order, 4)).toEqual(expected);
    }
  });

  it('groups: displayName, descending, both paths', async () => {
    const index = await fx.plain.groups.list(fx.orgId, {
      sortBy: 'displayName',
      sortOrder: 'descending',
      startIndex: 1,
      count: 100,
    });
    for (const db of [fx.withSql, fx.plain]) {
      const first = await db.groups.listAfter(fx.orgId, { sortBy: 'displayName', sortOrder: 'descending', count: 15 });
      const rest = first.next
        ? await db.groups.listAfter(fx.orgId, {
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
