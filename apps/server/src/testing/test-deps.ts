import { randomUUID } from 'node:crypto';
import { deriveListCursorKey, systemClock } from '@provisio/core';
import type { Clock } from '@provisio/core';
import { openDb } from '@provisio/db/testing';
import { createProducerConnection } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import type { Logger } from '@provisio/logger';
import { Queue } from 'bullmq';
import type { ServerDeps } from '../create-server.ts';
import type { PrincipalResolver } from '../http/trpc-endpoint.ts';

export type TestDepsOptions = {
  mongoUri?: string;
  resolvePrincipal?: PrincipalResolver;
  logger?: Logger;
  clock?: Clock;
  serverSelectionTimeoutMS?: number;
  /** Another Redis than the shared test one (a test that stops it). */
  redisUrl?: string;
};

/**
 * Real dependencies for one test file: its own database on the test FerretDB, its own
 * queue name on the test Redis. `cleanup` drops and closes everything.
 */
export async function createTestDeps(options: TestDepsOptions = {}) {
  const uri = options.mongoUri ?? process.env['MONGODB_URI'] ?? '';
  const { db, models } = await openDb({
    uri,
    dbName: `test_${randomUUID().replaceAll('-', '')}`,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5_000,
    ferretdbPostgresUrl: process.env['FERRETDB_POSTGRES_URL'] || undefined,
    // Tests may look at the commands a request sends (`commandStarted`).
    monitorCommands: true,
  });
  await db.syncIndexes();
  const redis = createProducerConnection(options.redisUrl ?? process.env['REDIS_URL'] ?? '');
  // A producer connection refuses commands until connected; tests start once it is.
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  const queue = new Queue(`test-${randomUUID()}`, { connection: redis });
  const deps: ServerDeps = {
    db,
    redis,
    queue,
    logger: options.logger ?? createLogger({ name: 'test', level: 'silent' }),
    clock: options.clock ?? systemClock,
    publicUrl: 'http://provisio.test',
    // One key for every test server, as replicas share one: a cursor from one is read by another.
    listCursorKey: deriveListCursorKey('test-admin-token'),
    resolvePrincipal: options.resolvePrincipal ?? (() => null),
    // Every test file's server sees the others' refused tokens from 127.0.0.1 (one Redis):
    // only the test of that limit sets a low one, on addresses of its own.
    badCredentialLimit: { perAddress: 100_000, windowSeconds: 60 },
  };
  return {
    deps,
    /** The raw models: for tests that check storage itself. */
    models,
    async cleanup() {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      redis.disconnect();
      await db.connection.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}
