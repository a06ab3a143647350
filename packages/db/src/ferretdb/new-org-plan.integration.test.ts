import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../create-db.ts';
import type { Db, DbModels } from '../create-db.ts';
import { testMongoUri, testPostgresUrl } from '../testing.ts';
import { newUserDoc } from '../users/user-repository.ts';
import { seedHotPaths } from './seed-hot-paths.ts';
import { indexesIn, planOfFind } from './plan-nodes.ts';
import type { PlanNode } from './plan-nodes.ts';
import { groupRefsSql } from './group-refs-sql.ts';
import { backingTable } from '../testing/backing-table.ts';

/**
 * Every org is new once, and grows after the last ANALYZE: an Okta initial sync adds
 * thousands of users before autovacuum looks again. Its lookups must still use the index of
 * the field that names one row. With statistics on `orgId`, PostgreSQL estimated the new org
 * at one row, used the orgId index and read every user of the org for each lookup, so a
 * 10,000-user sync slowed as it went (see COARSE_STATISTICS_FIELDS).
 */
const dbName = `test_${randomUUID().replaceAll('-', '')}`;
const postgresUrl = testPostgresUrl();
let opened: { db: Db; models: DbModels };
let pgc: pg.Client;
const newOrg = uuidV7();
const ids: string[] = [];

beforeAll(async () => {
  if (!postgresUrl) throw new Error('FERRETDB_POSTGRES_URL is not set: run integration tests through `make test`');
  pgc = new pg.Client({ connectionString: postgresUrl });
  await pgc.connect();
  opened = await openDb({ uri: testMongoUri(), dbName, ferretdbPostgresUrl: postgresUrl });
  await opened.db.syncIndexes();
  await seedHotPaths(opened.models);
  await opened.db.syncIndexes(); // the companion again: its ANALYZE of this database's tables
  // Then the new org's users, which the statistics have never seen.
  const now = new Date();
  for (let i = 0; i < 1_500; i++) ids.push(uuidV7());
  await opened.models.users.collection.insertMany(
    ids.map((id, i) =>
      newUserDoc(newOrg, {
        id,
        attributes: { userName: `new${i}@example.com`, active: true, externalId: `new-ext-${i}` },
        status: 'active',
        source: 'scim',
        role: 'standard',
        now,
      }),
    ) as never[],
  );
}, 120_000);

afterAll(async () => {
  await opened.db.connection.dropDatabase();
  await opened.db.close();
  await pgc.end();
});

describe('lookups in an org that grew since the last ANALYZE', () => {
  it('use the index of the field that names one row, not the org’s', async () => {
    const { db } = opened;
    expect(db.engine()?.kind).toBe('ferretdb-postgresql');
    const sent: Array<{ collection: string; filter: Record<string, unknown> }> = [];
    db.connection.set('debug', (collection: string, method: string, filter: unknown) => {
      if (['find', 'findOne'].includes(method)) sent.push({ collection, filter: filter as Record<string, unknown> });
    });
    const eq = (attr: string, value: string) => ({
      filter: { kind: 'compare' as const, path: { attr }, op: 'eq' as const, value },
      startIndex: 1,
      count: 10,
    });
    await db.users.findById(newOrg, ids[700] ?? '', { withGroups: false });
    await db.users.list(newOrg, eq('userName', 'new700@example.com'));
    await db.users.list(newOrg, eq('userName', 'nobody-yet@example.com'));
    await db.users.list(newOrg, eq('externalId', 'new-ext-700'));
    db.connection.set('debug', false);

    const { rows } = await pgc.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1`,
      [dbName],
    );
    const fieldOf = new Map(rows.map((r) => [r.indexname, /_jsonb -> '(\w+)'/.exec(r.indexdef)?.[1] ?? r.indexdef]));
    const used: Array<{ query: string; indexes: string[] }> = [];
    for (const { collection, filter } of sent) {
      const plan = await planOfFind(db, collection, filter);
      used.push({ query: Object.keys(filter).join(','), indexes: indexesIn(plan).map((n) => fieldOf.get(n) ?? n) });
    }
    // The user reads; each found user's memberships are SQL (below).
    expect(used).toEqual([
      { query: '_id,orgId', indexes: ['_id'] },
      { query: 'orgId,userNameKey', indexes: ['userNameKey'] },
      { query: 'orgId,userNameKey', indexes: ['userNameKey'] },
      { query: 'orgId,externalId', indexes: ['externalId'] },
    ]);
    // The memberships with their groups' names: the memberId GIN probes, never the org's rows.
    const tables = {
      members: await backingTable(pgc, dbName, 'group_members'),
      groups: await backingTable(pgc, dbName, 'groups'),
    };
    const refs = groupRefsSql(tables, dbName, { orgId: newOrg, memberIds: [ids[700] ?? ''] });
    if (!refs) throw new Error('no SQL for groups of users');
    const { rows: plan } = await pgc.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${refs.text}`,
      refs.values,
    );
    const refIndexes = indexesIn(plan[0]?.['QUERY PLAN'][0]?.Plan).map((n) => fieldOf.get(n) ?? n);
    expect(refIndexes).toContain('memberId');
    expect(refIndexes).not.toContain('orgId');
  });
});
