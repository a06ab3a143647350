import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import { eventIdFloor } from '@provisio/core/events';
import type { Model } from 'mongoose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../create-db.ts';
import type { Db, DbModels } from '../create-db.ts';
import type { PlanNode } from '../ferretdb/plan-nodes.ts';
import { datedSql, pageSql } from '../ferretdb/sql-reads.ts';
import { testMongoUri, testPostgresUrl } from '../testing.ts';
import { deleteOldest } from './delete-oldest.ts';
import { backingTable } from '../testing/backing-table.ts';

/**
 * The retention sweeps (audit ledger, user and group event logs, webhook deliveries) delete the
 * oldest rows across orgs, a batch at a time. On FerretDB an `_id` or `at` range, its order and
 * an `_id $in` are filtered in Go after reading the whole table, once per batch; with the
 * companion a batch is one SQL range read on the `_id` btree and `_id` equalities.
 */
const OLD = 1_200;
const NEW = 40;
const BATCH = 500;
const DAY = 24 * 3_600_000;
const dbName = `test_${randomUUID().replaceAll('-', '')}`;
const postgresUrl = testPostgresUrl();
const now = Date.now();
const cutoff = now - 100 * DAY;
let opened: { db: Db; models: DbModels };
const claimIds = { old: [] as string[], new: [] as string[] };

type Swept = 'audit_events' | 'user_events' | 'group_events' | 'webhook_deliveries';
const oldIds: Record<Swept, string[]> = { audit_events: [], user_events: [], group_events: [], webhook_deliveries: [] };
const newIds: Record<Swept, string[]> = { audit_events: [], user_events: [], group_events: [], webhook_deliveries: [] };
const cutoffDate = new Date(cutoff);
const sweeps: Record<Swept, (db: Db) => Promise<number>> = {
  audit_events: (db) => db.audit.deleteBefore(cutoffDate, BATCH),
  user_events: (db) => db.userEvents.deleteBefore(eventIdFloor(cutoff), BATCH),
  group_events: (db) => db.groupEvents.deleteBefore(eventIdFloor(cutoff), BATCH),
  webhook_deliveries: (db) => db.webhooks.pruneDeliveries(cutoffDate, BATCH),
};
/** The swept collections' models, as the sweep sees them (an `_id` and whatever else). */
const modelOf = (models: DbModels, collection: Swept): Model<{ _id: string }> =>
  ({
    audit_events: models.auditEvents,
    user_events: models.userEvents,
    group_events: models.groupEvents,
    webhook_deliveries: models.webhookDeliveries,
  })[collection] as unknown as Model<{ _id: string }>;

const remaining = async (collection: Swept) =>
  (await modelOf(opened.models, collection).find({}, { _id: 1 }).lean<Array<{ _id: string }>>())
    .map((d) => d._id)
    .sort();

beforeAll(async () => {
  opened = await openDb({ uri: testMongoUri(), dbName, ...(postgresUrl ? { ferretdbPostgresUrl: postgresUrl } : {}) });
  await opened.db.syncIndexes();
  for (const collection of Object.keys(oldIds) as Swept[]) {
    // Old rows a millisecond apart, in shuffled insertion order, across three orgs; new rows of today.
    const times = [
      ...Array.from({ length: OLD }, (_, i) => cutoff - DAY + ((i * 7919) % OLD)),
      ...Array.from({ length: NEW }, (_, i) => now - i),
    ];
    const docs = times.map((t, i) => ({ _id: uuidV7(t), orgId: `org-${i % 3}`, at: new Date(t), type: 'x' }));
    await modelOf(opened.models, collection).collection.insertMany(docs as never[]);
    oldIds[collection] = docs
      .slice(0, OLD)
      .map((d) => d._id)
      .sort();
    newIds[collection] = docs
      .slice(OLD)
      .map((d) => d._id)
      .sort();
  }
  // Claims: `_id`s that say nothing of age (a document's version key), old ones by `at`.
  const claims = Array.from({ length: OLD + NEW }, (_, i) => ({
    _id: `user:org-${i % 3}:${randomUUID()}:v1`,
    at: new Date(i < OLD ? cutoff - DAY + i : now - i),
  }));
  await opened.models.claims.collection.insertMany(claims as never[]);
  claimIds.old = claims.slice(0, OLD).map((c) => c._id);
  claimIds.new = claims.slice(OLD).map((c) => c._id);
  await opened.db.syncIndexes(); // the companion's indexes on the tables the inserts created
}, 120_000);

afterAll(async () => {
  await opened.db.connection.dropDatabase();
  await opened.db.close();
});

describe('retention sweeps', () => {
  it.skipIf(!postgresUrl)('finds a batch with an index scan on the `_id` btree, never a sequential scan', async () => {
    const pgc = new pg.Client({ connectionString: postgresUrl });
    await pgc.connect();
    try {
      for (const collection of Object.keys(oldIds) as Swept[]) {
        const table = await backingTable(pgc, dbName, collection);
        await pgc.query(`ANALYZE ${pg.escapeIdentifier(dbName)}.${pg.escapeIdentifier(table)}`);
        // The SQL deleteOldest sends (through SqlReads.pageIds).
        const sql = pageSql(table, dbName, {
          collection,
          equals: {},
          sort: { _id: 1 },
          offset: 0,
          limit: BATCH,
          idsBetween: { before: eventIdFloor(cutoff) },
        });
        const { rows } = await pgc.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
          `EXPLAIN (FORMAT JSON) ${sql?.text ?? ''}`,
          sql?.values,
        );
        const plan = JSON.stringify(rows[0]?.['QUERY PLAN']);
        expect({ collection, seqScan: plan.includes('Seq Scan'), indexScan: plan.includes('Index Scan') }).toEqual({
          collection,
          seqScan: false,
          indexScan: true,
        });
      }
      // Claims by `at`, on FerretDB's own btree of the declared `{ at: 1 }`.
      const table = await backingTable(pgc, dbName, 'claims');
      await pgc.query(`ANALYZE ${pg.escapeIdentifier(dbName)}.${pg.escapeIdentifier(table)}`);
      const sql = datedSql(table, dbName, { collection: 'claims', field: 'at', before: cutoffDate, limit: BATCH });
      const { rows } = await pgc.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) ${sql?.text ?? ''}`,
        sql?.values,
      );
      const plan = JSON.stringify(rows[0]?.['QUERY PLAN']);
      expect({ seqScan: plan.includes('Seq Scan'), indexScan: plan.includes('Index Scan') }).toEqual({
        seqScan: false,
        indexScan: true,
      });
    } finally {
      await pgc.end();
    }
  });

  it.each(Object.keys(oldIds) as Swept[])(
    '%s: deletes the oldest first, a batch at a time, and nothing within retention',
    async (collection) => {
      const sent: Array<{ method: string; filter: unknown }> = [];
      opened.db.connection.set('debug', (coll: string, method: string, filter: unknown) => {
        if (coll === collection) sent.push({ method, filter });
      });
      try {
        expect(await sweeps[collection](opened.db)).toBe(BATCH);
        expect(await remaining(collection)).toEqual([...oldIds[collection].slice(BATCH), ...newIds[collection]].sort());
        expect(await sweeps[collection](opened.db)).toBe(BATCH);
        expect(await sweeps[collection](opened.db)).toBe(OLD - 2 * BATCH);
        expect(await sweeps[collection](opened.db)).toBe(0);
      } finally {
        opened.db.connection.set('debug', false);
      }
      expect(await remaining(collection)).toEqual(newIds[collection]);
      // With the companion nothing reaches FerretDB that it would filter in Go over the whole table.
      if (postgresUrl) expect(sent.filter((c) => /\$(lt|gt|in)\b/.test(JSON.stringify(c.filter)))).toEqual([]);
    },
  );

  it('claims: prunes those older than the cutoff by `at`, and no other', async () => {
    const sent: unknown[] = [];
    const deletes: unknown[] = [];
    opened.db.connection.set('debug', (coll: string, method: string, filter: unknown) => {
      if (coll === 'claims') (method === 'bulkWrite' ? deletes : sent).push(filter);
    });
    try {
      expect(await opened.db.claims.prune(cutoffDate)).toBe(OLD);
      expect(await opened.db.claims.prune(cutoffDate)).toBe(0);
    } finally {
      opened.db.connection.set('debug', false);
    }
    const left = await opened.models.claims.find({}, { _id: 1 }).lean<Array<{ _id: string }>>();
    expect(left.map((c) => c._id).sort()).toEqual([...claimIds.new].sort());
    if (postgresUrl) expect(sent.filter((f) => /\$(lt|gt|in)\b/.test(JSON.stringify(f)))).toEqual([]);
    // Each delete names its row by `_id` (what FerretDB serves from the index) and checks its age again.
    const ops = (deletes as Array<Array<{ deleteOne: { filter: { _id: unknown; at: unknown } } }>>).flat();
    expect(ops).toHaveLength(OLD);
    for (const { deleteOne } of ops)
      expect(deleteOne.filter).toEqual({ _id: expect.any(String), at: { $lt: cutoffDate } });
  });

  it('deletes the same way without the companion (MongoDB’s path)', async () => {
    const model = modelOf(opened.models, 'audit_events');
    const ids = Array.from({ length: 5 }, (_, i) => uuidV7(cutoff - DAY + i)).sort();
    await model.collection.insertMany(
      ids.map((_id) => ({ _id, orgId: 'org-x', at: new Date(cutoff - DAY) })) as never[],
    );
    expect(await deleteOldest(model, undefined, { idBelow: eventIdFloor(cutoff) }, 3)).toBe(3);
    expect(await remaining('audit_events')).toEqual([...ids.slice(3), ...newIds.audit_events].sort());
    expect(await deleteOldest(model, undefined, { idBelow: eventIdFloor(cutoff) }, 3)).toBe(2);
  });
});
