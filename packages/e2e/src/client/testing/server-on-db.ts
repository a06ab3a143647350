import { randomUUID } from 'node:crypto';
import { deriveListCursorKey, systemClock } from '@provisio/core';
import { authenticateKey } from '@provisio/core/keys';
import { createDb } from '@provisio/db';
import { testMongoUri } from '@provisio/db/testing';
import { createProducerConnection } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import { createServer } from '@provisio/server/create-server';
import { Queue } from 'bullmq';

/**
 * Another server process, as far as state goes: its own connections to the same database
 * (by name) and Redis, the production key authentication, nothing shared in memory with
 * other servers of the test. `close` stops it and closes its connections (the database stays).
 */
export async function serverOnDb(dbName: string, port = 0) {
  const db = await createDb({ uri: testMongoUri(), dbName });
  const redis = createProducerConnection(process.env['REDIS_URL'] ?? '');
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  const queue = new Queue(`test-${randomUUID()}`, { connection: redis });
  const logger = createLogger({ name: 'test', level: 'silent' });
  const resolvePrincipal = (token: string) =>
    authenticateKey({ keys: db.keys, clock: systemClock, onTouchError: () => undefined }, token);
  // Other test files' refused tokens from 127.0.0.1 count in the same Redis: no per-address limit here.
  const badCredentialLimit = { perAddress: 100_000, windowSeconds: 60 };
  const server = createServer({
    db,
    redis,
    queue,
    logger,
    clock: systemClock,
    publicUrl: 'http://provisio.test',
    listCursorKey: deriveListCursorKey('test-admin-token'),
    resolvePrincipal,
    badCredentialLimit,
  });
  const bound = await server.start(port);
  return {
    port: bound,
    base: `http://127.0.0.1:${bound}`,
    async close() {
      await server.stop(100);
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      redis.disconnect();
      await db.close();
    },
  };
}
