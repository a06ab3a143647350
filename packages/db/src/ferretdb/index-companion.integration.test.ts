import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../create-db.ts';
import { testMongoUri, testPostgresUrl } from '../testing.ts';

const dbName = `test_${randomUUID().replaceAll('-', '')}`;
const companionIndexes = async () => {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE '%\\_pv\\_%'`,
    [dbName],
  );
  await client.end();
  return rows[0]?.n ?? 0;
};

afterAll(async () => {
  const db = await createDb({ uri: testMongoUri(), dbName });
  await db.connection.dropDatabase();
  await db.close();
});

describe('index companion', () => {
  it('logs one warning and lets the start go on when PostgreSQL cannot be reached', async () => {
    const warnings: string[] = [];
    const db = await createDb({
      uri: testMongoUri(),
      dbName,
      ferretdbPostgresUrl: 'postgres://postgres@127.0.0.1:1/ferretdb',
      onWarning: (message) => warnings.push(message),
    });
    await db.syncIndexes();
    expect(warnings).toEqual([expect.stringMatching(/^FerretDB index companion off/)]);
    expect(db.engine()?.kind).toBe('ferretdb-postgresql');
    await db.close();
  });

  it('lets replicas that start together run it at once: none of them deadlocks or starts without it', async () => {
    const fresh = `test_${randomUUID().replaceAll('-', '')}`;
    const warnings: string[] = [];
    const replicas = await Promise.all(
      [1, 2, 3].map(() =>
        createDb({
          uri: testMongoUri(),
          dbName: fresh,
          ferretdbPostgresUrl: testPostgresUrl(),
          onWarning: (message) => warnings.push(message),
        }),
      ),
    );
    try {
      await replicas[0]?.syncIndexes(); // the collections exist, as on a redeploy
      for (let round = 0; round < 3; round++) await Promise.all(replicas.map((db) => db.syncIndexes()));
      expect(warnings).toEqual([]);
    } finally {
      await replicas[0]?.connection.dropDatabase();
      await Promise.all(replicas.map((db) => db.close()));
    }
  });

  it('creates its indexes once: a second sync (another process starting) changes nothing', async () => {
    const warnings: string[] = [];
    const first = await createDb({
      uri: testMongoUri(),
      dbName,
      ferretdbPostgresUrl: testPostgresUrl(),
      onWarning: (message) => warnings.push(message),
    });
    await first.syncIndexes();
    const created = await companionIndexes();
    expect(created).toBeGreaterThan(40);
    await first.syncIndexes();
    expect(await companionIndexes()).toBe(created);
    expect(warnings).toEqual([]);
    // Every GIN index keeps a short pending list, which each search reads through, and every
    // orgId index column has coarse statistics; a sync puts back what an older index lacks.
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    const tuning = async () => {
      const gin = await client.query<{ name: string; options: string[] | null }>(
        `SELECT c.relname AS name, c.reloptions AS options FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname
         WHERE i.schemaname = $1 AND i.indexdef LIKE '%USING gin%'`,
        [dbName],
      );
      const stats = await client.query<{ name: string; target: number }>(
        `SELECT c.relname AS name, a.attstattarget AS target FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind = 'i' AND pg_get_indexdef(c.oid, a.attnum, true) = '(_jsonb -> ''orgId''::text)'`,
        [dbName],
      );
      return {
        gin: gin.rows.length,
        longLists: gin.rows.filter((r) => !r.options?.includes('gin_pending_list_limit=64')).map((r) => r.name),
        orgIdColumns: stats.rows.length,
        fineStatistics: stats.rows.filter((r) => r.target !== 1).map((r) => r.name),
      };
    };
    const tuned = await tuning();
    expect(tuned.gin).toBeGreaterThan(30);
    expect(tuned.orgIdColumns).toBeGreaterThan(30);
    expect(tuned).toMatchObject({ longLists: [], fineStatistics: [] });
    const [gin, btree] = [tuned.gin, tuned.orgIdColumns];
    const { rows: older } = await client.query<{ gin: string; btree: string }>(
      `SELECT (SELECT format('%I.%I', schemaname, indexname) FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gin%' LIMIT 1) AS gin,
              (SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = $1 AND c.relkind = 'i' AND c.relname NOT LIKE '%\\_pv\\_%'
                 AND pg_get_indexdef(c.oid, 1, true) = '(_jsonb -> ''orgId''::text)' LIMIT 1) AS btree`,
      [dbName],
    );
    await client.query(`ALTER INDEX ${older[0]?.gin} RESET (gin_pending_list_limit)`);
    await client.query(`ALTER INDEX ${older[0]?.btree} ALTER COLUMN 1 SET STATISTICS -1`);
    expect((await tuning()).longLists).toHaveLength(1);
    expect((await tuning()).fineStatistics).toHaveLength(1);
    await first.syncIndexes();
    expect(await tuning()).toEqual({ gin, longLists: [], orgIdColumns: btree, fineStatistics: [] });
    await client.end();
    await first.close();
  });
});
