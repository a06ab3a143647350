/**
 * SCIM adapter benchmark (prints figures; not a test). `pnpm --filter @provisio/server bench`
 * Env: MONGODB_URI, REDIS_URL (as the tests); BENCH_USERS (10000), BENCH_SECONDS (10),
 * BENCH_CONCURRENCY (16), BENCH_PROVISION (10000), BENCH_PROVISION_SECONDS (120; 0 = no cap:
 * on a database that scans for every lookup, 10,000 Okta-style users can take hours).
 * Uses a fresh database and drops it, also on Ctrl-C.
 */
import { randomUUID } from 'node:crypto';
import { systemClock, uuidV7 } from '@provisio/core';
import { createDb } from '@provisio/db';
import { createProducerConnection } from '@provisio/jobs';
import { createLogger } from '@provisio/logger';
import { Queue } from 'bullmq';
import { createServer } from '../src/create-server.ts';
import { startBaseline } from './baseline-server.ts';
import { provisionLikeOkta } from './provision-like-okta.ts';
import { runLoad } from './run-load.ts';
import type { LoadResult } from './run-load.ts';
import { seedUsers } from './seed-users.ts';

const uri = process.env['MONGODB_URI'] ?? '';
const redisUrl = process.env['REDIS_URL'] ?? '';
const userCount = Number(process.env['BENCH_USERS'] ?? 10_000);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const provisionCount = Number(process.env['BENCH_PROVISION'] ?? 10_000);
const provisionSeconds = Number(process.env['BENCH_PROVISION_SECONDS'] ?? 120);
if (!uri || !redisUrl) throw new Error('set MONGODB_URI and REDIS_URL (as for the integration tests)');

const dbName = `bench_${randomUUID().replaceAll('-', '')}`;
const token = `bench-${randomUUID()}`;
const db = await createDb({ uri, dbName });
const redis = createProducerConnection(redisUrl);
const queue = new Queue(`bench-${randomUUID()}`, { connection: redis });
const cleanups: (() => Promise<unknown>)[] = [
  async () => {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
  },
  async () => {
    await db.connection.dropDatabase();
    await db.close();
  },
];

let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const step of cleanups) await step().catch((error: unknown) => console.error('cleanup failed', error));
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

try {
  await db.syncIndexes();
  const orgId = uuidV7();
  await db.models.orgs.create({ _id: orgId, name: `Bench ${orgId}`, nameKey: `bench ${orgId}`, plan: 'enterprise' });

  const seedStart = performance.now();
  const seeded = await seedUsers(db, orgId, userCount);
  console.log(`seeded ${seeded.ids.length} users in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (count verified)`);

  const server = createServer({
    db,
    redis,
    queue,
    logger: createLogger({ name: 'bench', level: 'silent' }),
    clock: systemClock,
    publicUrl: 'http://127.0.0.1',
    resolvePrincipal: (t) => (t === token ? { kind: 'org', orgId, scopes: ['scim'] } : null),
  });
  const port = await server.start(0);
  cleanups.unshift(() => server.stop(1_000));
  const baseline = await startBaseline({ uri, dbName, orgId });
  cleanups.unshift(() => baseline.stop());

  const scim = `http://127.0.0.1:${port}/scim/v2`;
  const raw = `http://127.0.0.1:${baseline.port}`;
  const auth = { authorization: `Bearer ${token}` };
  const sample = seeded.ids.slice(0, 2_000);
  const names = seeded.userNames.slice(0, 2_000);
  const filterUrl = (n: string) => `${scim}/Users?filter=${encodeURIComponent(`userName eq "${n.toUpperCase()}"`)}`;
  const load = (urls: string[], headers: Record<string, string> = {}) => runLoad({ urls, headers, durationMs: seconds * 1_000, concurrency });

  // Warm both paths (JIT, connection pools) before measuring.
  await runLoad({ urls: sample.map((id) => `${scim}/Users/${id}`), headers: auth, durationMs: 1_000, concurrency });
  await runLoad({ urls: sample.map((id) => `${raw}/users/${id}`), durationMs: 1_000, concurrency });

  const rows: [string, LoadResult][] = [
    ['GET /Users/{id}  (SCIM)', await load(sample.map((id) => `${scim}/Users/${id}`), auth)],
    ['find by id       (baseline)', await load(sample.map((id) => `${raw}/users/${id}`))],
    ['GET /Users?filter=userName eq  (SCIM)', await load(names.map(filterUrl), auth)],
    ['find by userNameKey  (baseline)', await load(names.map((n) => `${raw}/users?userName=${encodeURIComponent(n.toUpperCase())}`))],
  ];

  console.log(`\n${userCount} users in the org; ${seconds} s per row; ${concurrency} concurrent keep-alive connections; loopback\n`);
  console.log('| request | requests | req/s | p50 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, r] of rows) {
    console.log(`| ${name} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`);
  }

  const p = await provisionLikeOkta({ baseUrl: scim, token, count: provisionCount, concurrency: 4, maxSeconds: provisionSeconds });
  const rate = p.users / p.seconds;
  const forTarget = p.users >= p.target ? `${p.seconds.toFixed(1)} s (measured)` : `≥ ${(p.target / rate).toFixed(0)} s (extrapolated; lookups slow as the org grows)`;
  console.log(`\nOkta-style provisioning (GET filter userName eq, then POST), concurrency 4, on top of the ${userCount} seeded users:`);
  console.log(`| users done | seconds | users/s | p50 ms/user | p99 ms/user | failures | time for ${p.target} |`);
  console.log('|---:|---:|---:|---:|---:|---:|---|');
  console.log(`| ${p.users} | ${p.seconds.toFixed(1)} | ${rate.toFixed(1)} | ${p.p50.toFixed(1)} | ${p.p99.toFixed(1)} | ${p.failures} | ${forTarget} |`);
} finally {
  await cleanup();
}
