import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexName } from './ferretdb/companion-plan.ts';
import { RETIRED_INDEXES } from './retired-indexes.ts';
import { backingTable } from './testing/backing-table.ts';
import { createTestDb, testPostgresUrl } from './testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let pgc: pg.Client;

beforeAll(async () => {
  db = await createTestDb();
  pgc = new pg.Client({ connectionString: testPostgresUrl() });
  await pgc.connect();
});
afterAll(async () => {
  await pgc.end();
  await db.drop();
});

const indexesOf = async (collection: string) =>
  (await db.connection.db?.collection(collection).indexes())?.map((i) => i.name) ?? [];
const pgIndexesOf = async (table: string) =>
  (
    await pgc.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`,
      [db.connection.name, table],
    )
  ).rows.map((r) => r.indexname);

it('a database made by older code loses the indexes nothing reads any more, and nothing else', async () => {
  const schema = pg.escapeIdentifier(db.connection.name);
  const tables: string[] = [];
  /** Per table, the indexes the old code's `at` made: FerretDB's btree and the companion's GIN. */
  const retired: string[][] = [];
  // What the code before declared: `{ at: 1 }`, and (with the companion) its GIN index on `at`.
  for (const { collection } of RETIRED_INDEXES) {
    const table = await backingTable(pgc, db.connection.name, collection);
    tables.push(table);
    const current = await pgIndexesOf(table);
    await db.connection.db?.collection(collection).createIndex({ at: 1 }, { name: 'at_1' });
    const btree = (await pgIndexesOf(table)).filter((name) => !current.includes(name));
    expect(btree).toHaveLength(1);
    retired.push([...btree, indexName(table, 'at')].sort());
    const gin = pg.escapeIdentifier(indexName(table, 'at'));
    await pgc.query(
      `CREATE INDEX ${gin} ON ${schema}.${pg.escapeIdentifier(table)} USING gin ((_jsonb->'at') jsonb_path_ops)`,
    );
    // Someone else's index: never the companion's to drop.
    await pgc.query(
      `CREATE INDEX ${pg.escapeIdentifier(`${table}_mine`)} ON ${schema}.${pg.escapeIdentifier(table)} ((_jsonb->'at'))`,
    );
  }
  const before = await Promise.all(tables.map(pgIndexesOf));
  expect(await indexesOf('audit_events')).toContain('at_1');

  await db.syncIndexes();
  for (const [i, { collection }] of RETIRED_INDEXES.entries()) {
    const table = tables[i] ?? '';
    expect(await indexesOf(collection)).not.toContain('at_1');
    const after = await pgIndexesOf(table);
    expect(after).toContain(`${table}_mine`);
    // FerretDB drops its own btree with `at_1`, the companion drops its GIN, and the rest stays.
    expect(before[i]?.filter((name) => !after.includes(name)).sort()).toEqual(retired[i]);
  }
  // Again: nothing left to drop, no error.
  await db.syncIndexes();
});
