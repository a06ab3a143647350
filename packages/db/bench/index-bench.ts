/**
 * The FerretDB index companion, before and after, at db level: hot-path reads of one org of
 * BENCH_USERS users (default 20,000) with a second org of the same size beside it.
 * "before" is FerretDB's own indexes and the mongoose paths (what runs without the companion);
 * "after" is the companion's indexes and SQL-ordered pages. Prints a table (median ms).
 * Env: MONGODB_URI and FERRETDB_POSTGRES_URL (the `make test` services), BENCH_USERS.
 */
import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import type { ListQuery } from '@provisio/core';
import { openDb } from '../src/create-db.ts';
import { newUserDoc } from '../src/users/user-repository.ts';
import type { Db, DbModels } from '../src/create-db.ts';

const uri = process.env['MONGODB_URI'] ?? '';
const postgresUrl = process.env['FERRETDB_POSTGRES_URL'] ?? '';
const size = Number(process.env['BENCH_USERS'] ?? 20_000);
if (!uri || !postgresUrl) throw new Error('set MONGODB_URI and FERRETDB_POSTGRES_URL (the `make test` services)');
const dbName = `bench_${randomUUID().replaceAll('-', '')}`;

async function seedOrg(models: DbModels, orgId: string): Promise<{ ids: string[]; eventIds: string[] }> {
  const now = new Date();
  const ids = Array.from({ length: size }, () => uuidV7());
  for (let i = 0; i < size; i += 2_000) {
    const docs = ids.slice(i, i + 2_000).map((_id, j) => {
      const n = i + j;
      const userName = `User${n}@Example.com`;
      const attributes = {
        userName,
        active: true,
        externalId: `ext-${n}`,
        emails: [{ value: `user${n}@example.com`, primary: true }],
        name: { givenName: `Given${n % 97}`, familyName: `Family${n % 89}` },
      };
      return newUserDoc(orgId, { id: _id, attributes, status: 'active', source: 'scim', role: 'standard', now });
    });
    await models.users.collection.insertMany(docs as never[]);
  }
  const eventIds = Array.from({ length: size }, () => uuidV7());
  for (let i = 0; i < size; i += 2_000) {
    await models.userEvents.collection.insertMany(
      eventIds.slice(i, i + 2_000).map((_id, j) => ({
        _id,
        orgId,
        type: 'created',
        userId: ids[i + j],
        version: 1,
        at: now,
        user: null,
      })) as never[],
    );
  }
  return { ids, eventIds };
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const { db: plain, models } = await openDb({ uri, dbName });
await plain.syncIndexes();
const orgId = uuidV7();
process.stdout.write(`seeding ${size} users and events in each of two orgs…\n`);
const { ids, eventIds } = await seedOrg(models, orgId);
await seedOrg(models, uuidV7());

const pick = ids[Math.floor(size * 0.7)] ?? '';
const n = Math.floor(size * 0.7);
const eq = (attr: string, value: string): ListQuery => ({
  filter: { kind: 'compare', path: { attr }, op: 'eq', value },
  startIndex: 1,
  count: 100,
});
const deep = Math.max(1, size - 999);
const lastWebPage = Math.floor((size - 1) / 25) * 25 + 1;
const cases: Array<[string, number, (db: Db, main: boolean) => Promise<unknown>]> = [
  ['GET /Users/{id} (findById)', 9, (db) => db.users.findById(orgId, pick)],
  ['userName eq', 9, (db) => db.users.list(orgId, eq('userName', `user${n}@example.com`))],
  // main stored no emailKeys: its email filter read `search.emails.value`, which FerretDB cannot push down.
  [
    'emails eq',
    5,
    (db, main) =>
      main
        ? models.users.find({ orgId, 'search.emails.value': `user${n}@example.com` }).lean()
        : db.users.list(orgId, eq('emails', `USER${n}@example.com`)),
  ],
  ['SCIM page 1 (count 100)', 3, (db) => db.users.list(orgId, { startIndex: 1, count: 100 })],
  [`SCIM page at startIndex ${deep}`, 3, (db) => db.users.list(orgId, { startIndex: deep, count: 100 })],
  [
    'users.search first page (25, by userName)',
    3,
    (db) => db.users.list(orgId, { startIndex: 1, count: 25, sortBy: 'userName' }),
  ],
  [
    'users.search last page (25, by userName)',
    3,
    (db) => db.users.list(orgId, { startIndex: lastWebPage, count: 25, sortBy: 'userName' }),
  ],
  [
    'events since an id (100)',
    5,
    (db) => db.userEvents.listBetween(orgId, { after: eventIds[size - 150] ?? '', before: uuidV7(), limit: 100 }),
  ],
];

const before: number[] = [];
for (const [, runs, fn] of cases) before.push(await median(runs, () => fn(plain, true)));
const { db: companion } = await openDb({
  uri,
  dbName,
  ferretdbPostgresUrl: postgresUrl,
  onWarning: (m) => process.stderr.write(`${m}\n`),
});
const t0 = performance.now();
await companion.syncIndexes();
const syncMs = performance.now() - t0;
const after: number[] = [];
for (const [, runs, fn] of cases) after.push(await median(runs, () => fn(companion, false)));

const rows = cases.map(([name], i) => ({
  query: name,
  'before ms': Number((before[i] ?? 0).toFixed(1)),
  'after ms': Number((after[i] ?? 0).toFixed(1)),
}));
process.stdout.write(
  `\n${size} users in one org, ${size} in another; median ms; companion sync (index build) ${Math.round(syncMs)} ms\n`,
);
console.table(rows);
await companion.connection.dropDatabase();
await companion.close();
await plain.close();
