import type { Connection } from 'mongoose';

/**
 * Indexes that older code declared and nothing reads any more. `createIndexes` never drops
 * one, and each is written on every insert, so a database made before stays slower until
 * they go. Dropped by name, once, by `syncIndexes`; a missing one (or collection) is fine.
 * During a rolling deploy an old replica's sweep runs without them (a scan, hourly) until it is replaced.
 */
export const RETIRED_INDEXES: ReadonlyArray<{ collection: string; name: string }> = [
  // The retention sweeps delete by time-ordered `_id` (writes/delete-oldest.ts), not by `at`.
  { collection: 'audit_events', name: 'at_1' },
  { collection: 'webhook_deliveries', name: 'at_1' },
];

/** IndexNotFound, NamespaceNotFound: already gone. */
const ALREADY_GONE = new Set([26, 27]);

export async function dropRetiredIndexes(connection: Connection): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error('database connection is not open');
  for (const { collection, name } of RETIRED_INDEXES) {
    await db
      .collection(collection)
      .dropIndex(name)
      .catch((error: unknown) => {
        if (!ALREADY_GONE.has((error as { code?: unknown }).code as number)) throw error;
      });
  }
}
