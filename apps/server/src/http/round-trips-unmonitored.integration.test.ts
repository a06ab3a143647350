import { randomUUID } from 'node:crypto';
import type { Db } from '@provisio/db';
import { openDb, testMongoUri } from '@provisio/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDbRoundTrips, countingRoundTrips } from './round-trips.ts';
import type { RoundTrips } from './round-trips.ts';

// The servers' database as createDb opens it (no command monitoring), unlike the test deps.
let db: Db;
beforeAll(async () => {
  ({ db } = await openDb({ uri: testMongoUri(), dbName: `test_${randomUUID().replaceAll('-', '')}` }));
  countDbRoundTrips(db);
});
afterAll(async () => {
  await db.connection.dropDatabase();
  await db.close();
});

const counted = async (send: () => Promise<unknown>) => {
  const counts: RoundTrips = { db: 0, redis: 0 };
  await countingRoundTrips(counts, send);
  return counts.db;
};

describe('database round trips without command monitoring', () => {
  it('leaves monitoring off (it decodes every reply twice) and still counts each command once', async () => {
    expect(db.connection.getClient().options.monitorCommands).toBe(false);
    expect(await counted(() => db.ping())).toBe(1);
    expect(await counted(() => db.users.findById('no-org', 'no-user', { withGroups: false }))).toBe(1);
    expect(await counted(async () => Promise.all([db.ping(), db.ping(), db.ping()]))).toBe(3);
  });

  it('keeps concurrent requests apart and counts nothing outside a request', async () => {
    const [one, three] = await Promise.all([
      counted(() => db.ping()),
      counted(async () => {
        await db.ping();
        await db.ping();
        await db.ping();
      }),
      db.ping(),
    ]);
    expect([one, three]).toEqual([1, 3]);
  });
});
