import pg from 'pg';
import type { Db } from '../create-db.ts';

/**
 * After a bulk load (the benchmark's seed), does what autovacuum would do within a minute or
 * so: `VACUUM (ANALYZE)` of every table of the database's schema on FerretDB's PostgreSQL, so
 * that work does not land inside whatever is measured next. Only when `syncIndexes` found
 * FerretDB on PostgreSQL; on MongoDB it does nothing. Returns the tables it vacuumed.
 */
export async function vacuumAfterBulkLoad(db: Db, postgresUrl: string | undefined): Promise<string[]> {
  const schema = db.connection.db?.databaseName;
  if (!postgresUrl || !schema || db.engine()?.kind !== 'ferretdb-postgresql') return [];
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      'SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename',
      [schema],
    );
    // One statement each: VACUUM cannot run inside a transaction, which a multi-statement query is.
    for (const { tablename } of rows)
      await client.query(`VACUUM (ANALYZE) ${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(tablename)}`);
    return rows.map((r) => r.tablename);
  } finally {
    await client.end();
  }
}
