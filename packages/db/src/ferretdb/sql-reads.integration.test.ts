import type { FilterNode, ListQuery, UserStatus } from '@provisio/core';
import { describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { twoPathsFixture } from './two-paths-fixture.ts';

/**
 * Differential: the same list pages through the SQL reads (the companion on) and through
 * mongoose alone (a second connection to the same database without it) must be identical:
 * order, totals, narrowing by status, missing sort values (last ascending, first descending), deep pages.
 */
const now = new Date();
const fx = twoPathsFixture({ users: 90, groups: 30, createdAt: () => now });

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
  // The back half is read from the end, in the reversed order (nearer-end.ts): the same rows.
  ['short last page', { startIndex: 85, count: 10 }],
  ['by userName, back half', { startIndex: 50, count: 20, sortBy: 'userName' }],
  [
    'by family name, descending, last page',
    { startIndex: 81, count: 10, sortBy: 'name.familyName', sortOrder: 'descending' },
  ],
  ['narrowed by status, last page', { startIndex: 26, count: 10, sortBy: 'userName' }, 'deactivated'],
  // No SQL form (a date): mongoose reads it on both connections.
  ['by lastModified, back half', { startIndex: 61, count: 10, sortBy: 'meta.lastModified' }],
];

describe('list pages through SQL (FerretDB + PostgreSQL) and through mongoose', () => {
  it('runs on the companion here', () => {
    expect(fx.withSql.engine()?.kind).toBe('ferretdb-postgresql');
  });

  it('several ids in one SQL statement: the same labels and groups as mongoose reads', async () => {
    const ids = [...fx.userIds.slice(0, 7), fx.userIds[40] ?? '', 'no such user'];
    for (const some of [ids, ids.slice(0, 1)]) {
      const [sql, mongo] = await Promise.all([
        fx.withSql.users.labelsOf(fx.orgId, some),
        fx.plain.users.labelsOf(fx.orgId, some),
      ]);
      expect(sql).toEqual(mongo);
      expect(sql.size).toBe(some.length > 1 ? 8 : 1);
    }
    const [sql, mongo] = await Promise.all(
      [fx.withSql, fx.plain].map((db) => db.users.list(fx.orgId, { startIndex: 1, count: 12 })),
    );
    expect(sql?.items.map((u) => u.groups)).toEqual(mongo?.items.map((u) => u.groups));
    expect(sql?.items.filter((u) => u.groups.length === 2)).not.toHaveLength(0);
    // One user (a GET): in two groups, in one, unknown.
    for (const id of [fx.userIds[0] ?? '', fx.userIds[1] ?? '', 'no such user']) {
      const [one, other] = await Promise.all([fx.withSql, fx.plain].map((db) => db.users.findById(fx.orgId, id)));
      expect(one).toEqual(other);
    }
    expect((await fx.withSql.users.findById(fx.orgId, fx.userIds[0] ?? ''))?.groups).toHaveLength(2);
  });

  it.each(pages)('users: %s', async (_name, query, status) => {
    const list = (db: Db) => db.users.list(fx.orgId, { ...query, ...(status ? { status } : {}) });
    const [sql, mongo] = await Promise.all([list(fx.withSql), list(fx.plain)]);
    expect(sql.items.map((u) => u.id)).toEqual(mongo.items.map((u) => u.id));
    expect(sql).toEqual(mongo);
    expect(sql.totalResults).toBe(query.count === 0 || !status ? 90 : 30);
  });

  it.each(['ascending', 'descending'] as const)(
    'users: where missing family names go, %s, on both paths',
    async (sortOrder) => {
      for (const db of [fx.withSql, fx.plain]) {
        const { items } = await db.users.list(fx.orgId, {
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

  it('filters that come back as id lists: the same pages read by `_id` (companion) as through `$in`', async () => {
    const eq = (attr: string, value: string): FilterNode => ({ kind: 'compare', path: { attr }, op: 'eq', value });
    const email = (i: number): FilterNode => ({
      kind: 'valuePath',
      path: { attr: 'emails' },
      filter: eq('value', `u${i}@example.com`),
    });
    const { items: groups } = await fx.plain.groups.list(fx.orgId, {
      startIndex: 1,
      count: 100,
      sortBy: 'displayName',
    });
    const group = groups.find((g) => g.displayName === 'G0')?.id ?? '';
    const users: ListQuery[] = [
      { filter: email(5), startIndex: 1, count: 10 },
      { filter: email(999), startIndex: 1, count: 10 },
      { filter: eq('groups', group), startIndex: 1, count: 100 },
      { filter: eq('groups', group), startIndex: 4, count: 5 },
      { filter: eq('groups', group), startIndex: 1, count: 10, sortOrder: 'descending' },
      { filter: eq('groups', group), startIndex: 1, count: 0 },
      // The rest of the filter is checked on each document read by id.
      { filter: { kind: 'and', left: eq('groups', group), right: email(3) }, startIndex: 1, count: 100 },
      { filter: { kind: 'or', left: email(5), right: email(6) }, startIndex: 1, count: 10 },
    ];
    const totals: number[] = [];
    for (const query of users) {
      const [sql, mongo] = await Promise.all([
        fx.withSql.users.list(fx.orgId, query),
        fx.plain.users.list(fx.orgId, query),
      ]);
      expect(sql, JSON.stringify(query)).toEqual(mongo);
      totals.push(sql.totalResults);
    }
    // User i is in G0 when i mod 3 is 0 (u3 is, u5 is not).
    expect(totals).toEqual([1, 0, 30, 30, 30, 30, 1, 2]);
    const member = fx.userIds[4] ?? '';
    const byMember = { filter: eq('members', member), startIndex: 1, count: 10 };
    const [sql, mongo] = await Promise.all([
      fx.withSql.groups.list(fx.orgId, byMember),
      fx.plain.groups.list(fx.orgId, byMember),
    ]);
    expect(sql).toEqual(mongo);
    expect(sql.totalResults).toBe(2);
  });

  it('a group’s members in pages, and its users after a position: the same from a range of row ids as from mongoose', async () => {
    const { items: groups } = await fx.plain.groups.list(fx.orgId, {
      startIndex: 1,
      count: 100,
      sortBy: 'displayName',
    });
    const group = groups.find((g) => g.displayName === 'G0')?.id ?? '';
    for (const [startIndex, count] of [
      [1, 7],
      [25, 10],
      [30, 5],
      [31, 5],
      [1, 0],
    ] as const) {
      const [sql, mongo] = await Promise.all([
        fx.withSql.groups.listMembers(fx.orgId, group, { startIndex, count }),
        fx.plain.groups.listMembers(fx.orgId, group, { startIndex, count }),
      ]);
      expect(sql).toEqual(mongo);
      expect(sql.totalResults).toBe(30);
    }
    const members = (await fx.plain.groups.listMembers(fx.orgId, group, { startIndex: 1, count: 100 })).items;
    for (const after of [undefined, members[9]?.value, members[29]?.value]) {
      const q = { groupId: group, limit: 8, ...(after ? { after } : {}) };
      const [sql, mongo] = await Promise.all([fx.withSql.users.page(fx.orgId, q), fx.plain.users.page(fx.orgId, q)]);
      expect(sql).toEqual(mongo);
    }
    expect(await fx.withSql.roles.memberIdsAfter(fx.orgId, group, members[4]?.value ?? '', 3)).toEqual(
      members.slice(5, 8).map((m) => m.value),
    );
  });

  it('users.list pages (a position, maybe a status): the same from the btree as from mongoose', async () => {
    const ids = [...fx.userIds].sort();
    const queries = [
      { limit: 10 },
      { limit: 10, after: ids[44] ?? '' },
      { limit: 10, after: ids[85] ?? '' },
      { limit: 7, status: 'deactivated' as const, after: ids[20] ?? '' },
      { limit: 5, email: 'u5@example.com' },
    ];
    for (const q of queries) {
      const [sql, mongo] = await Promise.all([fx.withSql.users.page(fx.orgId, q), fx.plain.users.page(fx.orgId, q)]);
      expect(sql, JSON.stringify(q)).toEqual(mongo);
    }
    // With the companion FerretDB gets only the page's documents by `_id`, never the org to sort.
    const finds: Array<Record<string, unknown>> = [];
    const client = fx.withSql.connection.getClient();
    const listen = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === 'find' && e.command['find'] === 'users') finds.push(e.command);
    };
    client.on('commandStarted', listen);
    try {
      const page = await fx.withSql.users.page(fx.orgId, { limit: 10, after: ids[44] ?? '' });
      expect(page.map((u) => u.id)).toEqual(ids.slice(45, 55));
      await fx.withSql.users.page(fx.orgId, { limit: 7, status: 'deactivated', after: ids[20] ?? '' });
    } finally {
      client.off('commandStarted', listen);
    }
    expect(finds.length).toBeGreaterThan(0);
    expect(finds.filter((c) => typeof (c['filter'] as { _id?: unknown })._id !== 'string')).toEqual([]);
  });

  it.each([1, 11, 25])('groups: a page from %i', async (startIndex) => {
    const [sql, mongo] = await Promise.all([
      fx.withSql.groups.list(fx.orgId, { startIndex, count: 10, sortBy: 'displayName' }),
      fx.plain.groups.list(fx.orgId, { startIndex, count: 10, sortBy: 'displayName' }),
    ]);
    expect(sql).toEqual(mongo);
    expect(sql.totalResults).toBe(30);
  });
});
