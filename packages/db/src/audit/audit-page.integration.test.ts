import { randomUUID } from 'node:crypto';
import { newAuditEvent } from '@provisio/core/audit';
import type { AuditActor, AuditFilter } from '@provisio/core/audit';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../create-db.ts';
import type { Db } from '../create-db.ts';
import type { PlanNode } from '../ferretdb/plan-nodes.ts';
import { scans } from '../ferretdb/plan-nodes.ts';
import { pageSql } from '../ferretdb/sql-reads.ts';
import { testMongoUri, testPostgresUrl } from '../testing.ts';
import { backingTable } from '../testing/backing-table.ts';

/**
 * The ledger grows by one row per SCIM request. Its pages (newest first, optionally by time,
 * resource or outcome) were sorted by FerretDB in Go after reading the org's whole ledger; with
 * the companion they are read in SQL on the (orgId, _id) btree, a time range being an id range
 * (ids are UUIDv7s of `at`). Both paths must answer alike.
 */
const N = 1_500;
const dbName = `test_${randomUUID().replaceAll('-', '')}`;
const postgresUrl = testPostgresUrl();
const orgId = 'org-ledger';
const start = Date.parse('2026-10-01T00:00:00Z');
const MINUTE = 60_000;
let plain: Db;
let withCompanion: Db;

/** Every 5th event by key k-<n> of owner sa-<n>, every 5th by signed-in user u-<n>, the rest by the system. */
const actorOf = (i: number): AuditActor =>
  i % 5 === 0
    ? { type: 'key', keyId: `k-${i % 3}`, ownerId: `sa-${i % 2}` }
    : i % 5 === 1
      ? { type: 'session', userId: `u-${i % 3}` }
      : i % 5 === 2
        ? { type: 'anonymous', account: `a-${i % 2}` }
        : { type: 'system' };

beforeAll(async () => {
  withCompanion = (
    await openDb({ uri: testMongoUri(), dbName, ...(postgresUrl ? { ferretdbPostgresUrl: postgresUrl } : {}) })
  ).db;
  await withCompanion.syncIndexes();
  plain = (await openDb({ uri: testMongoUri(), dbName })).db;
  const events = Array.from({ length: N }, (_, i) =>
    newAuditEvent(new Date(start + i * MINUTE), {
      orgId: i % 4 === 3 ? 'org-other' : orgId,
      surface: 'scim',
      actor: actorOf(i),
      action: 'scim.request',
      outcome: i % 10 === 0 ? 'failure' : 'success',
      resourceType: i % 2 ? 'User' : 'Group',
      resourceId: `r-${i % 7}`,
    }),
  );
  await withCompanion.audit.insertMany(events);
  await withCompanion.syncIndexes(); // the companion's indexes on the table the inserts created
}, 120_000);

afterAll(async () => {
  await withCompanion.connection.dropDatabase();
  await withCompanion.close();
  await plain.close();
});

const at = (minutes: number) => new Date(start + minutes * MINUTE);

it('answers every filter alike with and without the companion, newest first', async () => {
  const [newest] = await plain.audit.list(orgId, { limit: 1 });
  const filters: AuditFilter[] = [
    { limit: 50 },
    { limit: 50, before: newest?.id ?? '' },
    { limit: 50, from: at(100), to: at(400) },
    { limit: 500, from: at(100), to: at(400) },
    { limit: 50, to: at(200), before: newest?.id ?? '' },
    { limit: 50, from: at(1_400) },
    { limit: 50, resourceType: 'User', outcome: 'failure' },
    { limit: 50, resourceId: 'r-3', from: at(10) },
    { limit: 50, from: at(400), to: at(100) },
    // An actor: its key, the key's owner, a signed-in user or an account named at sign-in.
    { limit: 50, actorId: 'k-1' },
    { limit: 50, actorId: 'sa-0', from: at(300) },
    { limit: 500, actorId: 'u-2', resourceType: 'User' },
    { limit: 50, actorId: 'a-1', before: newest?.id ?? '' },
    { limit: 50, actorId: 'nobody' },
  ];
  const sent: unknown[] = [];
  withCompanion.connection.set('debug', (collection: string, method: string, filter: unknown) => {
    if (collection === 'audit_events' && method.startsWith('find')) sent.push(filter);
  });
  for (const filter of filters) {
    const a = await plain.audit.list(orgId, filter);
    const b = await withCompanion.audit.list(orgId, filter);
    expect({ filter, ids: b.map((e) => e.id) }).toEqual({ filter, ids: a.map((e) => e.id) });
    for (const e of b) expect(e.orgId).toBe(orgId);
    const times = b.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    if (filter.from) for (const t of times) expect(t).toBeGreaterThanOrEqual(filter.from.getTime());
    if (filter.to) for (const t of times) expect(t).toBeLessThan(filter.to.getTime());
  }
  withCompanion.connection.set('debug', false);
  // With the companion FerretDB only gets `_id` equalities (the page's documents), never the org to sort.
  if (postgresUrl) expect(sent.filter((f) => typeof (f as { _id?: unknown })._id !== 'string')).toEqual([]);
  expect(await withCompanion.audit.list(orgId, { limit: 50, actorId: 'k-1' })).toHaveLength(50);
  // `from` is inclusive, `to` exclusive, to the millisecond.
  const window = await withCompanion.audit.list(orgId, { limit: 10, from: at(100), to: at(101) });
  expect(window.map((e) => e.at)).toEqual([at(100).toISOString()]);
});

it.skipIf(!postgresUrl)('reads a page of the ledger from the btree, never the org’s whole ledger', async () => {
  const pgc = new pg.Client({ connectionString: postgresUrl });
  await pgc.connect();
  try {
    const table = await backingTable(pgc, dbName, 'audit_events');
    await pgc.query(`ANALYZE ${pg.escapeIdentifier(dbName)}.${pg.escapeIdentifier(table)}`);
    // The SQL the default page sends (newest 50), with a time range.
    const sql = pageSql(table, dbName, {
      collection: 'audit_events',
      equals: { orgId },
      sort: { _id: -1 },
      offset: 0,
      limit: 50,
      idsBetween: { from: (await plain.audit.list(orgId, { limit: 1, to: at(100) }))[0]?.id ?? '' },
    });
    const { rows } = await pgc.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql?.text ?? ''}`,
      sql?.values,
    );
    const root = rows[0]?.['QUERY PLAN'][0]?.Plan;
    expect(scans(root)).toEqual([]);
    expect(JSON.stringify(root)).toContain('Index Scan');
  } finally {
    await pgc.end();
  }
});
