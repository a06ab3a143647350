import type { Connection, Model } from 'mongoose';
import pg from 'pg';
import { detectEngine, planCompanion } from './companion-plan.ts';
import type { DeclaredIndexes, Engine } from './companion-plan.ts';
import { createSqlReads } from './sql-reads.ts';
import type { SqlReads } from './sql-reads.ts';

export type CompanionResult = { engine: Engine; sql?: SqlReads; created?: number };

/** Every field of every index a model declares (compound or not). */
export const declaredIndexes = (models: Model<never>[]): DeclaredIndexes[] =>
  models.map((m) => ({
    collection: m.collection.collectionName,
    fields: m.schema.indexes().flatMap(([fields]) => Object.keys(fields)),
  }));

/** Asks the server what it is: `buildInfo`, and on FerretDB the plan of a probe on a declared collection. */
async function askEngine(connection: Connection, probeCollection: string): Promise<Engine> {
  const db = connection.db;
  if (!db) throw new Error('database connection is not open');
  const buildInfo = await db.admin().command({ buildInfo: 1 });
  if (typeof buildInfo['ferretdbVersion'] !== 'string') return { kind: 'mongodb' };
  const explained = await db.command({ explain: { find: probeCollection, filter: { _id: '' } } });
  return detectEngine(buildInfo, explained['queryPlanner']);
}

/**
 * The index companion for FerretDB 1.24 on PostgreSQL (see ARCHITECTURE.md): after the
 * models' indexes exist, creates the GIN expression indexes that let FerretDB's pushed-down
 * equality use an index, in one round trip, and hands back the SQL reads for ordered pages.
 * Off when `postgresUrl` is unset or the server is not FerretDB+PostgreSQL (MongoDB: nothing
 * happens). Any surprise is one warning and no companion: it never stops a start.
 */
export async function runIndexCompanion(options: {
  connection: Connection;
  models: Model<never>[];
  postgresUrl: string | undefined;
  warn: (message: string, err?: unknown) => void;
  /** Called as each SQL read is sent (see `createSqlReads`). */
  onSqlQuery?: () => void;
}): Promise<CompanionResult> {
  const { connection, models, postgresUrl, warn, onSqlQuery } = options;
  const declared = declaredIndexes(models);
  let engine: Engine = { kind: 'mongodb' };
  try {
    engine = await askEngine(connection, declared[0]?.collection ?? 'users');
    if (engine.kind !== 'ferretdb-postgresql' || !postgresUrl) return { engine };
    const schema = connection.db?.databaseName ?? '';
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3_000 });
    await client.connect();
    try {
      const found = await client.query<{ t: string | null }>(
        `SELECT to_regclass(format('%I._ferretdb_database_metadata', $1::text))::text AS t`,
        [schema],
      );
      if (!found.rows[0]?.t) {
        warn(`FerretDB index companion off: no _ferretdb_database_metadata in schema ${schema}`);
        return { engine };
      }
      const { rows } = await client.query<{ _jsonb: unknown }>(
        `SELECT _jsonb FROM ${pg.escapeIdentifier(schema)}._ferretdb_database_metadata`,
      );
      const plan = planCompanion({ schema, metadata: rows.map((r) => r._jsonb), declared });
      if (plan.kind === 'warn') {
        warn(`FerretDB index companion off: ${plan.warning}`);
        return { engine };
      }
      // One round trip: a simple-protocol query may carry many statements, in one transaction.
      // Replicas starting together take turns (the advisory lock is the transaction's): their
      // CREATE INDEX, ALTER INDEX and ANALYZE lock the same tables in orders that deadlock.
      const turn = `SELECT pg_advisory_xact_lock(hashtext(${pg.escapeLiteral(`provisio index companion ${schema}`)}))`;
      await client.query([turn, ...plan.statements].join(';\n'));
      return {
        engine,
        created: plan.statements.length,
        sql: createSqlReads({
          postgresUrl,
          schema,
          tables: plan.tables,
          ...(onSqlQuery ? { onQuery: onSqlQuery } : {}),
        }),
      };
    } finally {
      await client.end();
    }
  } catch (err) {
    warn('FerretDB index companion off: it failed, queries run without its indexes', err);
    return { engine };
  }
}
