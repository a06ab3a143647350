import { OrgAttributeSchema } from '@provisio/core/org-schemas';
import type { OrgSchemaRecord } from '@provisio/core/org-schemas';
import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../create-db.ts';
import type { Db, DbModels } from '../create-db.ts';
import { testMongoUri, testPostgresUrl } from '../testing.ts';
import { groupRefsSql } from './group-refs-sql.ts';
import { anyOfSql, countSql, pageSql } from './sql-reads.ts';
import type { PageRequest } from './sql-reads.ts';
import { seedHotPaths } from './seed-hot-paths.ts';
import { indexesIn, planOfFind, scans } from './plan-nodes.ts';
import type { PlanNode } from './plan-nodes.ts';
import { containsAllQuery } from '../filter/list-page.ts';
import { inOrg } from '../filter/in-org.ts';
import { searchTermKeys } from '../users/search-keys.ts';
import type { Seeded } from './seed-hot-paths.ts';
import { backingTable } from '../testing/backing-table.ts';

/**
 * Every hot-path read, run through the repositories on ≥ 1,000 rows per table: each query
 * they send is explained by FerretDB (it answers with the PostgreSQL plan), and each SQL page
 * by PostgreSQL; a sequential scan of a table of ≥ 1,000 rows fails the test.
 */
const dbName = `test_${randomUUID().replaceAll('-', '')}`;
const postgresUrl = testPostgresUrl();
let plain: { db: Db; models: DbModels };
let pgc: pg.Client;
let seeded: Seeded;
const sent: Array<{ collection: string; filter: Record<string, unknown> }> = [];

async function bigTables(): Promise<Set<string>> {
  const { rows } = await pgc.query<{ relname: string; n: number }>(
    `SELECT relname, n_live_tup::int AS n FROM pg_stat_user_tables WHERE schemaname = $1`,
    [dbName],
  );
  return new Set(rows.filter((r) => r.n >= 1_000).map((r) => r.relname));
}

/** Runs the hot paths through `db`'s repositories and returns the big tables each query scanned. */
async function scannedBy({
  db,
  models,
}: {
  db: Db;
  models: DbModels;
}): Promise<Array<{ query: string; scanned: string[] }>> {
  const { orgId, user, others, group, keyId, tokenHash, claimId } = seeded;
  sent.length = 0;
  db.connection.set('debug', (collection: string, method: string, filter: unknown) => {
    if (['find', 'findOne', 'countDocuments', 'findOneAndUpdate'].includes(method))
      sent.push({ collection, filter: filter as Record<string, unknown> });
  });
  const eq = (attr: string, value: string) => ({
    filter: { kind: 'compare' as const, path: { attr }, op: 'eq' as const, value },
    startIndex: 1,
    count: 10,
  });
  await db.keys.findForAuth(keyId);
  await db.orgs.findById(orgId);
  await db.users.findById(orgId, user.id);
  await db.users.list(orgId, eq('userName', user.userName));
  await db.users.list(orgId, eq('externalId', user.externalId));
  await db.users.list(orgId, eq('emails', user.email));
  // Entra's email match, a value path: its ids are then read one `_id` equality each, not as an `$in`.
  await db.users.list(orgId, {
    filter: { kind: 'valuePath', path: { attr: 'emails' }, filter: eq('value', user.email).filter },
    startIndex: 1,
    count: 10,
  });
  // The same as a cursor page (RFC 9865), first and after a position.
  const emailMatch = { kind: 'valuePath' as const, path: { attr: 'emails' }, filter: eq('value', user.email).filter };
  await db.users.listAfter(orgId, { filter: emailMatch, count: 10 });
  await db.users.listAfter(orgId, { filter: emailMatch, count: 10, after: { id: orgId } });
  await db.users.page(orgId, { email: user.email, limit: 10 });
  // users.list's walk (an export, an event resync): a range of the (orgId, _id) btree with the companion.
  await db.users.page(orgId, { limit: 10, after: user.id });
  // An org extension's `eq` filter reads the top-level `extKeys` (see extension-keys.ts).
  await db.users.list(orgId, { ...eq('costCode', 'CC-1'), extensions: [HOT_EXTENSION] });
  // The users page search: SQL below with the companion; mongoose's form (lead key pushed down) here either way.
  await db.users.list(orgId, { text: 'user1 example', sortBy: 'userName', startIndex: 1, count: 25 });
  await models.users
    .find(inOrg(orgId, containsAllQuery({ field: 'searchKeys', keys: searchTermKeys('user1 example') })))
    .limit(25)
    .lean();
  await db.users.labelsOf(orgId, [user.id]);
  // Several ids at once: a member change of several users, a page's groups, members and invite states.
  await db.users.labelsOf(orgId, others);
  await db.users.list(orgId, { startIndex: 1, count: 10 });
  await db.users.page(orgId, { groupId: group.id, limit: 10 });
  await db.groups.list(orgId, { startIndex: 1, count: 10, includeMembers: true });
  await db.invites.latestForUsers(orgId, others);
  await db.groups.findById(orgId, group.id);
  await db.groups.list(orgId, eq('displayName', group.displayName));
  await db.groups.listMembers(orgId, group.id, { startIndex: 1, count: 10 });
  // The group intent sweep's check: one member row by `_id`.
  await db.membersAmong(orgId, group.id, [user.id]);
  await db.invites.findByTokenHash(tokenHash);
  // The worker's sweep, every 30 s in each worker: it must not read the invites already sent.
  await db.invites.findStuck({ pendingBefore: new Date(), claimBefore: new Date() }, 500);
  await db.claims.take(claimId, { now: new Date(), staleAfterMs: 3_600_000 });
  db.connection.set('debug', false);
  const big = await bigTables();
  const out: Array<{ query: string; scanned: string[] }> = [];
  for (const { collection, filter } of sent) {
    const plan = await planOfFind(db, collection, filter);
    out.push({ query: `${collection} ${JSON.stringify(filter)}`, scanned: scans(plan).filter((t) => big.has(t)) });
  }
  return out;
}

const HOT_EXTENSION: OrgSchemaRecord = {
  id: 'hot',
  orgId: '',
  urn: 'urn:ietf:params:scim:schemas:extension:hot:2.0:User',
  name: 'Hot',
  resourceType: 'User',
  storageKey: 'xhot',
  attributes: [OrgAttributeSchema.parse({ name: 'costCode', type: 'string' })],
  hiddenAttributes: [],
  purgedAttributeNames: [],
  status: 'active',
  version: 1,
  created: '',
  lastModified: '',
};

/** EXPLAIN of the SQL pages the companion's reads run (list pages, deep pages, events since an id). */
async function sqlScans(): Promise<Array<{ query: string; scanned: string[] }>> {
  const { rows } = await pgc.query<{ _jsonb: { _id: string; table: string } }>(
    `SELECT _jsonb FROM ${pg.escapeIdentifier(dbName)}._ferretdb_database_metadata`,
  );
  const tables = Object.fromEntries(rows.map((r) => [r._jsonb._id, r._jsonb.table]));
  const { orgId, eventId } = seeded;
  const requests: PageRequest[] = [
    { collection: 'users', equals: { orgId }, sort: { _id: 1 }, offset: 0, limit: 100 },
    { collection: 'users', equals: { orgId }, sort: { _id: 1 }, offset: 40, limit: 10 },
    {
      collection: 'users',
      equals: { orgId, status: 'active' },
      sort: { userNameKey: 1, _id: 1 },
      offset: 0,
      limit: 100,
    },
    // Missing values last ascending and first descending (RFC 7644 §3.4.2.3): still index-served.
    { collection: 'users', equals: { orgId }, sort: { _id: -1 }, offset: 40, limit: 10 },
    { collection: 'users', equals: { orgId }, sort: { 'search.name.familyName': -1, _id: 1 }, offset: 0, limit: 100 },
    {
      collection: 'users',
      equals: { orgId, searchKeys: searchTermKeys('user1 example') },
      sort: { userNameKey: 1, _id: 1 },
      offset: 0,
      limit: 25,
    },
    {
      collection: 'users',
      equals: { orgId, status: 'active', searchKeys: ['user1'] },
      sort: { userNameKey: 1, _id: 1 },
      offset: 0,
      limit: 25,
    },
    { collection: 'groups', equals: { orgId }, sort: { _id: 1 }, offset: 50, limit: 10 },
    {
      collection: 'user_events',
      equals: { orgId },
      sort: { _id: 1 },
      offset: 0,
      limit: 100,
      idsBetween: { after: eventId, before: uuidV7() },
    },
    {
      collection: 'group_events',
      equals: { orgId },
      sort: { _id: 1 },
      offset: 0,
      limit: 100,
      idsBetween: { after: eventId, before: uuidV7() },
    },
  ];
  // The mass-deprovision brake's bounded count of an org's active users.
  const counts = [countSql(tables['users'] ?? '', dbName, { orgId, status: 'active' }, 60)];
  const big = await bigTables();
  const out: Array<{ query: string; scanned: string[] }> = [];
  for (const sql of [...requests.map((r) => pageSql(tables[r.collection] ?? '', dbName, r)), ...counts]) {
    if (!sql) throw new Error('a request without SQL');
    const { rows: plan } = await pgc.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${sql.text}`,
      sql.values,
    );
    out.push({ query: sql.text, scanned: scans(plan[0]?.['QUERY PLAN'][0]?.Plan).filter((t) => big.has(t)) });
  }
  return out;
}

beforeAll(async () => {
  if (!postgresUrl) throw new Error('FERRETDB_POSTGRES_URL is not set: run integration tests through `make test`');
  pgc = new pg.Client({ connectionString: postgresUrl });
  await pgc.connect();
  // First without the companion: FerretDB's own indexes only.
  plain = await openDb({ uri: testMongoUri(), dbName });
  await plain.db.syncIndexes();
  seeded = await seedHotPaths(plain.models);
  await pgc.query(`ANALYZE`);
}, 120_000);

afterAll(async () => {
  await plain.db.connection.dropDatabase();
  await plain.db.close();
  await pgc.end();
});

describe('hot-path queries on FerretDB + PostgreSQL', () => {
  it('scan whole tables with FerretDB’s own indexes alone (what the companion is for)', async () => {
    const results = await scannedBy(plain);
    expect(results.length).toBeGreaterThanOrEqual(15);
    expect(results.filter((r) => !r.scanned.length)).toEqual([]);
  });

  it('use an index for every query once the companion ran, and for every SQL page', async () => {
    const opened = await openDb({ uri: testMongoUri(), dbName, ferretdbPostgresUrl: postgresUrl });
    const withCompanion = opened.db;
    try {
      await withCompanion.syncIndexes();
      expect(withCompanion.engine()).toEqual({
        kind: 'ferretdb-postgresql',
        version: expect.stringMatching(/^v1\.24\./) as unknown,
      });
      await pgc.query(`ANALYZE`);
      const results = [...(await scannedBy(opened)), ...(await sqlScans())];
      expect(results.filter((r) => r.scanned.length)).toEqual([]);
      // FerretDB reads every row of the org for an `$in` (an index serves only its equality on
      // orgId): with the companion, reads of several ids go one equality each (`findAnyOf`).
      expect(sent.filter((q) => JSON.stringify(q.filter).includes('"$in"'))).toEqual([]);
      // Several ids in SQL: a BitmapOr of probes of the field's GIN index, never the org's rows.
      const { orgId, others, group } = seeded;
      const anyOf = [
        { collection: 'users', field: '_id', values: others },
        { collection: 'group_members', field: 'memberId', values: others },
        { collection: 'groups', field: '_id', values: [group.id, others[0] ?? ''] },
      ];
      for (const { collection, field, values } of anyOf) {
        const table = await backingTable(pgc, dbName, collection);
        const sql = anyOfSql(table, dbName, { collection, orgId, field, values, select: ['_id'] });
        if (!sql) throw new Error(`no SQL for ${collection}.${field}`);
        const { rows: plan } = await pgc.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
          `EXPLAIN (FORMAT JSON) ${sql.text}`,
          sql.values,
        );
        const root = plan[0]?.['QUERY PLAN'][0]?.Plan;
        const { rows: gin } = await pgc.query<{ indexname: string }>(
          `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 AND indexdef LIKE $3`,
          [dbName, table, `%'${field}'::text)) jsonb_path_ops%`],
        );
        expect({
          collection,
          scans: scans(root),
          usesFieldIndex: indexesIn(root).includes(gin[0]?.indexname ?? '?'),
        }).toEqual({ collection, scans: [], usesFieldIndex: true });
      }

      // Users' groups with their names: the memberId GIN probes, then FerretDB's own `_id` btree of groups.
      const [members, groups] = await Promise.all(['group_members', 'groups'].map((c) => backingTable(pgc, dbName, c)));
      const refs = groupRefsSql({ members: members ?? '', groups: groups ?? '' }, dbName, {
        orgId,
        memberIds: [seeded.user.id, ...others],
      });
      if (!refs) throw new Error('no SQL for groups of users');
      const { rows: refsPlan } = await pgc.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) ${refs.text}`,
        refs.values,
      );
      const refsRoot = refsPlan[0]?.['QUERY PLAN'][0]?.Plan;
      const { rows: refIndexes } = await pgc.query<{ indexname: string; tablename: string }>(
        `SELECT indexname, tablename FROM pg_indexes WHERE schemaname = $1 AND (
           (tablename = $2 AND indexdef LIKE '%''memberId''::text)) jsonb_path_ops%') OR
           (tablename = $3 AND indexdef LIKE 'CREATE UNIQUE INDEX%''_id''::text)))'))`,
        [dbName, members, groups],
      );
      expect(refIndexes.map((i) => i.tablename).sort()).toEqual([members, groups].sort());
      expect({
        scans: scans(refsRoot),
        indexes: refIndexes.every((i) => indexesIn(refsRoot).includes(i.indexname)),
      }).toEqual({
        scans: [],
        indexes: true,
      });

      // The search page reads the searchKeys GIN index, not the org's rows through the orgId btree. (Mongoose's
      // form, used without the companion, is index-served above; on these small orgs PostgreSQL rightly picks orgId's.)
      const { rows: gin } = await pgc.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%searchKeys%jsonb_path_ops%'`,
        [dbName],
      );
      expect(gin).toHaveLength(1);
      const usersTable = await backingTable(pgc, dbName, 'users');
      const sql = pageSql(usersTable, dbName, {
        collection: 'users',
        equals: { orgId: seeded.orgId, searchKeys: searchTermKeys('User1 example') },
        sort: { userNameKey: 1, _id: 1 },
        offset: 0,
        limit: 25,
      });
      if (!sql) throw new Error('no SQL for the search page');
      const { rows: page } = await pgc.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) ${sql.text}`,
        sql.values,
      );
      expect(indexesIn(page[0]?.['QUERY PLAN'][0]?.Plan)).toContain(gin[0]?.indexname);
    } finally {
      await withCompanion.close();
    }
  }, 60_000);
});
