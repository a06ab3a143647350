import { randomUUID } from 'node:crypto';
import { createDb } from './create-db.ts';
import type { Db } from './create-db.ts';

/** The URI `make test` exports; integration tests fail loudly without it. */
export function testMongoUri(): string {
  const uri = process.env['MONGODB_URI'];
  if (!uri) throw new Error('MONGODB_URI is not set: run integration tests through `make test`');
  return uri;
}

/** A database of its own for one test file, with indexes built, dropped by `drop()`. */
export async function createTestDb(): Promise<Db & { drop(): Promise<void> }> {
  const db = await createDb({ uri: testMongoUri(), dbName: `test_${randomUUID().replaceAll('-', '')}` });
  await db.syncIndexes();
  return {
    ...db,
    async drop() {
      await db.connection.dropDatabase();
      await db.close();
    },
  };
}
