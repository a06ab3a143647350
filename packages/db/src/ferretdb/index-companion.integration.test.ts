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
    await first.close();
  });
});
