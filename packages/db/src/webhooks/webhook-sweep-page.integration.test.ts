import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../create-db.ts';
import type { Db, DbModels } from '../create-db.ts';
import { keysetSql } from '../ferretdb/sql-reads.ts';
import { testMongoUri, testPostgresUrl } from '../testing.ts';
import { backingTable } from '../testing/backing-table.ts';

/**
 * The webhook sweep walks every endpoint of every org by `_id`, a page at a time. On FerretDB an
 * `_id` range is filtered in Go after reading the whole table, so the page runs in SQL on the
 * companion's `_id` btree: EXPLAIN of it on 1,200 endpoints shows an index scan, no sequential scan.
 */
const N = 1_200;
const dbName = `test_${randomUUID().replaceAll('-', '')}`;
const postgresUrl = testPostgresUrl();
let opened: { db: Db; models: DbModels };
const ids: string[] = [];

beforeAll(async () => {
  opened = await openDb({ uri: testMongoUri(), dbName, ...(postgresUrl ? { ferretdbPostgresUrl: postgresUrl } : {}) });
  await opened.db.syncIndexes();
  const now = new Date();
  const docs = Array.from({ length: N }, (_, i) => ({
    _id: uuidV7(now.getTime() + i),
    orgId: `org-${i % 37}`,
    url: 'https://hooks.example.test/',
    events: ['user.created'],
    enabled: i % 5 !== 0,
    disabledAt: null,
    disabledReason: null,
    secrets: [],
    cursor: '0',
    failingSince: null,
    failures: 0,
    retryAt: null,
    createdAt: now,
  }));
  await opened.models.webhookEndpoints.collection.insertMany(docs as never[]);
  ids.push(...docs.map((d) => d._id).sort());
  await opened.db.syncIndexes(); // the companion's indexes on the table the inserts created
}, 120_000);

afterAll(async () => {
  await opened.db.connection.dropDatabase();
  await opened.db.close();
});

it('walks every endpoint once, in id order, page after page', async () => {
  const seen: string[] = [];
  let after = '';
  for (;;) {
    const page = await opened.db.webhooks.pageAfter(after, 250);
    if (page.length === 0) break;
    seen.push(...page.map((p) => p.id));
    after = page.at(-1)?.id ?? '';
  }
  expect(seen).toEqual(ids);
  const [first] = await opened.db.webhooks.pageAfter('', 1);
  expect(first).toEqual({ id: ids[0], orgId: 'org-0', enabled: false, retryAt: null, cursor: '0' });
});

it.skipIf(!postgresUrl)('a page deep in the table is an index read, not a scan of the table', async () => {
  const pgc = new pg.Client({ connectionString: postgresUrl });
  await pgc.connect();
  try {
    const table = await backingTable(pgc, dbName, 'webhook_endpoints');
    await pgc.query(`ANALYZE ${pg.escapeIdentifier(dbName)}.${pg.escapeIdentifier(table)}`);
    // The SQL `pageAfter` sends (through SqlReads.keysetRows).
    const sql = keysetSql(table, dbName, {
      collection: 'webhook_endpoints',
      equals: {},
      sort: { _id: 1 },
      after: { id: ids[900] ?? '' },
      limit: 200,
    });
    const { rows } = await pgc.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) ${sql?.text ?? ''}`,
      sql?.values,
    );
    const plan = JSON.stringify(rows[0]?.['QUERY PLAN']);
    expect(plan).not.toContain('Seq Scan');
    expect(plan).toContain('Index Scan');
  } finally {
    await pgc.end();
  }
});
