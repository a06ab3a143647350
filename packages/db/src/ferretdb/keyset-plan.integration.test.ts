import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../create-db.ts';
import type { Db, DbModels } from '../create-db.ts';
import { testMongoUri, testPostgresUrl } from '../testing.ts';
import { newUserDoc } from '../users/user-repository.ts';
import { nearerEnd } from './nearer-end.ts';
import type { PlanNode } from './plan-nodes.ts';
import { keysetSql, pageSql } from './sql-reads.ts';
import type { KeysetRequest } from './sql-reads.ts';
import { backingTable } from '../testing/backing-table.ts';

/**
 * A cursor page reads about `limit` rows wherever it starts: EXPLAIN ANALYZE of the keyset SQL
 * at the start and near the end of a 3,000-user org (beside another org), counting the rows each
 * scan node produced or filtered away (no timings). An offset page near the end, for contrast,
 * reads every row before it, unless it is read from the end (nearerEnd).
 */
const dbName = `test_${randomUUID().replaceAll('-', '')}`;
const N = 3_000;
const LIMIT = 101;
let opened: { db: Db; models: DbModels };
let pgc: pg.Client;
let table = '';
let orgId = '';
const byName: string[] = [];
const byId: string[] = [];

/**
 * Rows the plan read: what its leaf scans produced, plus what any filter dropped. (A bitmap heap
 * scan re-reads its bitmap index scan's rows: counted once, at the leaf.)
 */
const rowsRead = (node: PlanNode | undefined): number =>
  node
    ? (node.Plans?.length ? 0 : Number(node['Actual Rows'] ?? 0)) +
      Number(node['Rows Removed by Filter'] ?? 0) +
      (node.Plans ?? []).reduce((n, p) => n + rowsRead(p), 0)
    : 0;

/** The plan's nodes, for a failure message: `Limit > Incremental Sort > Index Scan(name) 102+1`. */
const shape = (node: PlanNode | undefined): string => {
  if (!node) return '';
  const index = typeof node['Index Name'] === 'string' ? `(${node['Index Name']})` : '';
  const rows = `${Number(node['Actual Rows'])}+${Number(node['Rows Removed by Filter'] ?? 0)}`;
  return `${String(node['Node Type'])}${index} ${rows}${(node.Plans ?? []).map((p) => ` > ${shape(p)}`).join('')}`;
};
const plans: string[] = [];

async function read(sql: { text: string; values: unknown[] } | undefined): Promise<number> {
  if (!sql) throw new Error('no SQL form');
  const { rows } = await pgc.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
    sql.values,
  );
  plans.push(shape(rows[0]?.['QUERY PLAN'][0]?.Plan));
  return rowsRead(rows[0]?.['QUERY PLAN'][0]?.Plan);
}

beforeAll(async () => {
  const postgresUrl = testPostgresUrl();
  if (!postgresUrl) throw new Error('FERRETDB_POSTGRES_URL is not set: run integration tests through `make test`');
  pgc = new pg.Client({ connectionString: postgresUrl });
  await pgc.connect();
  opened = await openDb({ uri: testMongoUri(), dbName, ferretdbPostgresUrl: postgresUrl });
  await opened.db.syncIndexes();
  const orgs = [uuidV7(), uuidV7()];
  orgId = orgs[0] ?? '';
  for (const org of orgs) {
    const docs = Array.from({ length: N }, (_, i) => {
      const userName = `user${String((i * 7919) % N).padStart(5, '0')}@example.com`;
      const attributes = { userName, active: true };
      return newUserDoc(org, {
        id: uuidV7(),
        attributes,
        status: 'active',
        source: 'scim',
        role: 'standard',
        now: new Date(),
      });
    });
    await opened.models.users.collection.insertMany(docs as never[]);
    if (org === orgId) {
      byId.push(...docs.map((d) => d._id).sort());
      byName.push(...docs.map((d) => d.userNameKey).sort());
    }
  }
  await opened.db.syncIndexes(); // the companion's indexes on the table the inserts created
  table = await backingTable(pgc, dbName, 'users');
  await pgc.query(`ANALYZE`);
}, 120_000);

afterAll(async () => {
  await opened.db.connection.dropDatabase();
  await opened.db.close();
  await pgc.end();
});

it('reads about one page of rows for a cursor page at the start and near the end, both directions, by id or userName', async () => {
  const near = N - 150;
  const idOf = (i: number) => byId[i] ?? '';
  const requests: Array<[string, KeysetRequest]> = [
    ['id, first page', { collection: 'users', equals: { orgId }, sort: { _id: 1 }, limit: LIMIT }],
    [
      'id, near the end',
      { collection: 'users', equals: { orgId }, sort: { _id: 1 }, limit: LIMIT, after: { id: idOf(near) } },
    ],
    [
      'id descending, near the end',
      { collection: 'users', equals: { orgId }, sort: { _id: -1 }, limit: LIMIT, after: { id: idOf(150) } },
    ],
    [
      'userName, near the end',
      {
        collection: 'users',
        equals: { orgId },
        sort: { userNameKey: 1, _id: 1 },
        limit: LIMIT,
        after: { id: 'x', value: byName[near] ?? '' },
      },
    ],
    [
      'userName descending, near the end',
      {
        collection: 'users',
        equals: { orgId },
        sort: { userNameKey: -1, _id: 1 },
        limit: LIMIT,
        after: { id: 'x', value: byName[150] ?? '' },
      },
    ],
  ];
  const found: Array<[string, number, string]> = [];
  for (const [name, r] of requests) found.push([name, await read(keysetSql(table, dbName, r)), plans.at(-1) ?? '']);
  expect(found.filter(([, rows]) => rows > 2 * LIMIT)).toEqual([]);
  // The offset page it replaces reads every row before it.
  const offset = await read(
    pageSql(table, dbName, { collection: 'users', equals: { orgId }, sort: { _id: 1 }, offset: near, limit: LIMIT }),
  );
  expect(offset).toBeGreaterThan(near);
}, 60_000);

it('reads about one page for an offset page near the end, read from the end in the reversed order', async () => {
  const near = N - 150;
  const sorts: Array<Record<string, 1 | -1>> = [{ _id: 1 }, { userNameKey: 1, _id: 1 }, { userNameKey: -1, _id: 1 }];
  const found: Array<[string, number, string]> = [];
  for (const sort of sorts) {
    const plan = nearerEnd({ collection: 'users', equals: { orgId }, sort, offset: near, limit: LIMIT }, N);
    expect(plan?.reversed).toBe(true);
    found.push([
      JSON.stringify(sort),
      await read(pageSql(table, dbName, plan?.request ?? ({} as never))),
      plans.at(-1) ?? '',
    ]);
  }
  // 150 rows lie from the page's start to the end: about that many, not the 2,850 before it.
  expect(found.filter(([, rows]) => rows > 2 * 150)).toEqual([]);
}, 60_000);
