import pg from 'pg';

/** The PostgreSQL table behind a FerretDB collection (FerretDB's own metadata names it), for tests that EXPLAIN it. */
export async function backingTable(pgc: pg.Client, dbName: string, collection: string): Promise<string> {
  const { rows } = await pgc.query<{ _jsonb: { table: string } }>(
    `SELECT _jsonb FROM ${pg.escapeIdentifier(dbName)}._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`,
    [collection],
  );
  const table = rows[0]?._jsonb.table;
  if (!table) throw new Error(`no FerretDB table for ${dbName}.${collection}`);
  return table;
}
