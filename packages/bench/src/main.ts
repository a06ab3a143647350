/**
 * `pnpm bench [--quick]`: starts the test services if needed, runs the server (as the dev
 * server does) and the raw baseline as child processes on a fresh database, measures, prints
 * a Markdown report and writes bench-results.json at the root. Loopback only; every phase is
 * bounded in count and time. See README "Benchmarks".
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { openDb, vacuumAfterBulkLoad } from '@provisio/db/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { parseArgs, USAGE } from './args.ts';
import { createBenchOrg } from './orgs.ts';
import { entraIncrementalSync } from './phases/entra-sync.ts';
import { measureLookups } from './phases/lookups.ts';
import type { LookupRow } from './phases/lookups.ts';
import { oktaInitialSync } from './phases/okta-sync.ts';
import { measureRequestCosts } from './phases/request-costs.ts';
import { measureCursorPages } from './phases/cursor-pages.ts';
import { createEveryoneGroup, measureGroupChanges } from './phases/group-changes.ts';
import type { GroupChangeRow } from './phases/group-changes.ts';
import { measureScaleChecks } from './phases/scale-checks.ts';
import type { ScaleCheck } from './phases/scale-checks.ts';
import type { CursorPagesResult } from './phases/cursor-pages.ts';
import { measureUsersPage } from './phases/users-page.ts';
import type { UsersPageResult } from './phases/users-page.ts';
import { renderReport } from './report.ts';
import { seedGroupMembers, seedUsers } from './seed.ts';
import type { SeededUser } from './seed.ts';
import { ensureTestServices, ROOT, withDatabase } from './services.ts';
import { startStack } from './stack.ts';

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const args = parseArgs(process.argv.slice(2));
const started = performance.now();
const log = (line: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);

const urls = ensureTestServices();
const dbName = `bench_${randomUUID().replaceAll('-', '')}`;
const queueName = `bench-${randomUUID()}`;
const { db, models } = await openDb({ uri: urls.mongoUri, dbName, ferretdbPostgresUrl: urls.ferretPostgresUrl });
const cleanups: (() => Promise<unknown>)[] = [
  async () => {
    const redis = new Redis(urls.redisUrl, { maxRetriesPerRequest: 1 });
    const queue = new Queue(queueName, { connection: redis });
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
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));

try {
  log(`server and baseline on database ${dbName}`);
  const stack = await startStack({ ...urls, mongoUri: withDatabase(urls.mongoUri, dbName), queueName });
  cleanups.unshift(() => stack.stop());
  const [orgA, orgB] = [await createBenchOrg(stack.baseUrl, 'Bench A'), await createBenchOrg(stack.baseUrl, 'Bench B')];
  const usersA: SeededUser[] = [];
  const usersB: SeededUser[] = [];
  const lookups: LookupRow[] = [];
  const usersPage: UsersPageResult[] = [];
  const cursorPages: CursorPagesResult[] = [];
  const groupChanges: GroupChangeRow[] = [];
  const scaleChecks: ScaleCheck[] = [];
  // Org B's users are all in one group; org A's in none, so the lookup rows stay comparable
  // across rounds (a user in a group costs one more read: its groups' names).
  const everyone = await createEveryoneGroup(stack.baseUrl, orgB);
  for (const size of args.sizes) {
    log(`seeding two orgs to ${size} users each, and org B's group of all its users`);
    usersA.push(...(await seedUsers(models, orgA.orgId, 'a', usersA.length, size)));
    const addedB = await seedUsers(models, orgB.orgId, 'b', usersB.length, size);
    await seedGroupMembers(models, orgB.orgId, everyone, addedB);
    usersB.push(...addedB);
    // A bulk seed outruns autovacuum: a sync (idempotent) refreshes the planner's statistics, as
    // the next start would. Autovacuum would still start within a minute, inside a measured row
    // (once: filter p50 48 ms at 100,000 users, 16 ms in the next run), so the bench vacuums now.
    await db.syncIndexes();
    await vacuumAfterBulkLoad(db, urls.ferretPostgresUrl);
    log(`lookups at ${size}`);
    lookups.push(...(await measureLookups(stack, orgA, usersA, args.lookupSeconds)));
    log(`users page at ${size}`);
    usersPage.push(await measureUsersPage(stack, orgA, size));
    log(`cursor pages at ${size}`);
    cursorPages.push(await measureCursorPages(stack.baseUrl, orgA, usersA));
    log(`group member changes at ${size}`);
    groupChanges.push(...(await measureGroupChanges(stack.baseUrl, orgB, everyone, usersB)));
    log(`reads that must not grow, at ${size}`);
    scaleChecks.push(...(await measureScaleChecks(stack.baseUrl, orgB, everyone, usersB)));
  }
  const oktaSync = [];
  for (const concurrency of args.syncConcurrency) {
    log(`Okta-style sync of ${args.syncUsers} users at concurrency ${concurrency}`);
    oktaSync.push(await oktaInitialSync(stack, { count: args.syncUsers, concurrency, maxSeconds: args.phaseSeconds }));
  }
  log(`Entra-style incremental sync: ${args.entraPatches} PATCHes`);
  const entraSync = await entraIncrementalSync(stack, orgA, usersA, {
    count: args.entraPatches,
    maxSeconds: args.phaseSeconds,
  });
  log('CPU and round trips per request type');
  const requestCosts = await measureRequestCosts(stack, args.costRequests);

  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, FerretDB test services`;
  const results = {
    meta: { date: new Date().toISOString(), commit, machine, args, totalSeconds: (performance.now() - started) / 1000 },
    lookups,
    usersPage,
    cursorPages,
    groupChanges,
    scaleChecks,
    oktaSync,
    entraSync,
    requestCosts,
  };
  console.log(renderReport(results));
  writeFileSync(resolve(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log('wrote bench-results.json');
} finally {
  await cleanup();
}
