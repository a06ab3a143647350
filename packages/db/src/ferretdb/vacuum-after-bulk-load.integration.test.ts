import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidV7 } from '@provisio/core';
import { createTestDb, testPostgresUrl } from '../testing.ts';
import { newUserDoc } from '../users/user-repository.ts';
import { vacuumAfterBulkLoad } from './vacuum-after-bulk-load.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.drop();
});

/** The users table's vacuum state: rows inserted since its last vacuum, and whether a VACUUM (not autovacuum) ran. */
async function owed(schema: string) {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ inserted: number; vacuumed: boolean }>(
      `SELECT n_ins_since_vacuum::int AS inserted, last_vacuum IS NOT NULL AS vacuumed
         FROM pg_stat_user_tables WHERE schemaname = $1 AND relname LIKE 'users\\_%'`,
      [schema],
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('vacuumAfterBulkLoad', () => {
  it('leaves autovacuum nothing to do on the tables a bulk load filled (FerretDB on PostgreSQL)', async () => {
    const orgId = uuidV7();
    const now = new Date();
    const docs = Array.from({ length: 500 }, (_, i) =>
      newUserDoc(orgId, {
        id: uuidV7(),
        attributes: { userName: `bulk.${i}@example.com`, active: true },
        status: 'invited',
        source: 'scim',
        role: 'standard',
        now,
      }),
    );
    await db.models.users.collection.insertMany(docs as never[]);
    const schema = db.connection.db?.databaseName ?? '';
    expect((await owed(schema))[0]?.vacuumed).toBe(false);

    const vacuumed = await vacuumAfterBulkLoad(db, testPostgresUrl());
    expect(vacuumed.some((t) => t.startsWith('users_'))).toBe(true);
    // A VACUUM reports its own figures when it ends.
    expect(await owed(schema)).toEqual([{ inserted: 0, vacuumed: true }]);
  });

  it('does nothing without a PostgreSQL URL (MongoDB)', async () => {
    expect(await vacuumAfterBulkLoad(db, undefined)).toEqual([]);
  });
});
