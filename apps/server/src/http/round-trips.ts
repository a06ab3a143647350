import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '@provisio/db';
import type { Redis } from 'ioredis';

/** What one request has sent so far: database commands and Redis commands. */
export type RoundTrips = { db: number; redis: number };

const current = new AsyncLocalStorage<RoundTrips>();

/** Runs `fn` (a request's handling) counting into `counts`: everything it starts or awaits counts there. */
export function countingRoundTrips<T>(counts: RoundTrips, fn: () => T): T {
  return current.run(counts, fn);
}

const counted = new WeakSet<object>();

/**
 * Counts every command the driver sends into the request it runs for, by the connection
 * checkout each one starts with (one command per checkout: a cursor's getMore checks out
 * again). The pool emits it synchronously in the caller's async context, and always, whereas
 * `commandStarted` needs `monitorCommands`, which decodes every reply twice. The companion's
 * SQL reads (FerretDB on PostgreSQL) count too, one per statement. Commands outside a request
 * (sweeps, pollers) count nowhere.
 */
export function countDbRoundTrips(db: Db): void {
  const client = db.connection.getClient();
  if (counted.has(client)) return;
  counted.add(client);
  const count = () => {
    const counts = current.getStore();
    if (counts) counts.db++;
  };
  client.on('connectionCheckOutStarted', count);
  db.onSqlQuery(count);
}

/** Counts every command sent through this Redis client (limiters, leases, the queue's enqueue) into its request. */
export function countRedisCommands(redis: Redis): void {
  if (counted.has(redis)) return;
  counted.add(redis);
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (...args: Parameters<Redis['sendCommand']>) => {
    const counts = current.getStore();
    if (counts) counts.redis++;
    return send(...args);
  };
}
