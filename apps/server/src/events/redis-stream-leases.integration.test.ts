import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { STREAM_CAPS } from '@provisio/core/events';
import type { StreamLeaseRef } from '@provisio/core/events';
import { createProducerConnection } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createRedisStreamLeases } from './redis-stream-leases.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const limits = { ...STREAM_CAPS, ttlMs: 30_000 };
let connections: Redis[];
/** Two processes' lease stores: each its own Redis connection. */
let one: ReturnType<typeof createRedisStreamLeases>;
let two: ReturnType<typeof createRedisStreamLeases>;

beforeAll(async () => {
  connections = [
    createProducerConnection(process.env['REDIS_URL'] ?? ''),
    createProducerConnection(process.env['REDIS_URL'] ?? ''),
  ];
  await Promise.all(
    connections.map((c) =>
      c.status === 'ready' ? Promise.resolve() : new Promise((resolve) => c.once('ready', resolve)),
    ),
  );
  [one, two] = connections.map((redis) => createRedisStreamLeases({ redis, logger })) as [typeof one, typeof two];
});
afterAll(() => {
  for (const c of connections) c.disconnect();
});

const lease = (orgId: string, holder: string): StreamLeaseRef => ({ orgId, holder, leaseId: randomUUID() });

it('counts each holder and each org across processes, and renews a held lease even at the cap', async () => {
  const orgId = randomUUID();
  const mine = Array.from({ length: STREAM_CAPS.perHolder }, () => lease(orgId, 'key:a'));
  for (const [i, l] of mine.entries()) expect(await (i % 2 ? one : two).hold(l, limits)).toBe('held');
  expect(await one.hold(lease(orgId, 'key:a'), limits)).toBe('holder-full');
  expect(await two.hold(mine[0] as StreamLeaseRef, limits)).toBe('held'); // a renewal
  for (let i = 1; i < STREAM_CAPS.perOrg / STREAM_CAPS.perHolder; i++) {
    for (let j = 0; j < STREAM_CAPS.perHolder; j++)
      expect(await (j % 2 ? one : two).hold(lease(orgId, `key:${i}`), limits)).toBe('held');
  }
  expect(await two.hold(lease(orgId, 'key:new'), limits)).toBe('org-full');
  expect(await one.hold(lease(randomUUID(), 'key:new'), limits)).toBe('held'); // another org
  await one.release(mine[1] as StreamLeaseRef);
  expect(await two.hold(lease(orgId, 'key:new'), limits)).toBe('held');
});

it('lets a lease that is not renewed lapse (its process died), freeing its place', async () => {
  const orgId = randomUUID();
  const short = { ...limits, perHolder: 1, ttlMs: 300 };
  expect(await one.hold(lease(orgId, 'key:a'), short)).toBe('held');
  expect(await two.hold(lease(orgId, 'key:a'), short)).toBe('holder-full');
  const next = lease(orgId, 'key:a');
  await vi.waitFor(async () => expect(await two.hold(next, short)).toBe('held'), { timeout: 5_000, interval: 100 });
});

it('hands back every lease it still holds (server shutdown)', async () => {
  const orgId = randomUUID();
  for (let i = 0; i < 3; i++) await one.hold(lease(orgId, 'key:a'), limits);
  await two.hold(lease(orgId, 'key:b'), limits);
  await one.releaseAll();
  expect(await connections[0]?.zcard(`provisio:streams:{${orgId}}`)).toBe(1);
});

it('admits streams when Redis is unreachable (the caps fail open, as the rate limiter does)', async () => {
  const down = createProducerConnection('redis://127.0.0.1:1');
  down.on('error', () => undefined);
  const warnings: string[] = [];
  const destination = new Writable({
    write: (chunk: Buffer, _encoding, done) => done(void warnings.push(chunk.toString())),
  });
  const leases = createRedisStreamLeases({
    redis: down,
    logger: createLogger({ name: 'test', level: 'warn', destination }),
  });
  const l = lease(randomUUID(), 'key:a');
  expect(await leases.hold(l, { ...limits, perHolder: 0 })).toBe('held');
  await leases.release(l);
  expect(warnings).toEqual([expect.stringContaining('streams admitted without their caps')]); // once per 30 s, not per call
  down.disconnect();
});
