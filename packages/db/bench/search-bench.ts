import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import { openDb } from '../src/create-db.ts';
import { newUserDoc } from '../src/users/user-repository.ts';

/**
 * The users page search (`users.list` with `text`, sorted by userName, 25 rows and the total)
 * at BENCH_USERS users in one org (default 100,000), shaped like `pnpm bench`'s seeded users.
 * Prints the times of 3 runs per term; needs FERRETDB_POSTGRES_URL for the SQL path.
 */
const N = Number(process.env['BENCH_USERS'] ?? 100_000);
const dbName = `probe_${randomUUID().replaceAll('-', '')}`;
const { db, models } = await openDb({
  uri: process.env['MONGODB_URI'] ?? '',
  dbName,
  ferretdbPostgresUrl: process.env['FERRETDB_POSTGRES_URL'] ?? '',
});
try {
  await db.syncIndexes();
  const orgId = uuidV7();
  await models.orgs.create({ _id: orgId, name: 'p', nameKey: 'p', plan: 'enterprise' });
  const t0 = performance.now();
  for (let start = 0; start < N; start += 1000) {
    const now = new Date();
    const docs = Array.from({ length: Math.min(1000, N - start) }, (_, k) => {
      const i = start + k;
      const userName = `a.user.${i}@bench.example`;
      const attributes = {
        userName,
        active: true,
        name: { givenName: 'Seed', familyName: `User ${i}` },
        displayName: `Seed User ${i}`,
        emails: [{ value: userName, type: 'work', primary: true }],
        externalId: `a-${i}`,
      };
      return newUserDoc(orgId, {
        id: uuidV7(now.getTime()),
        attributes,
        status: 'invited',
        source: 'scim',
        role: 'standard',
        now,
      });
    });
    await models.users.collection.insertMany(docs as never[]);
  }
  process.stdout.write(`seeded ${N} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  await db.syncIndexes();
  for (const text of ['Seed User 77', 'seed user 12345', 'a.user.99999@bench']) {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < 3; r++) {
      const started = performance.now();
      total = (await db.users.list(orgId, { text, sortBy: 'userName', startIndex: 1, count: 25 })).totalResults;
      times.push(performance.now() - started);
    }
    process.stdout.write(
      `users.list text "${text}" at ${N}: total ${total}, ms ${times.map((x) => x.toFixed(0)).join(', ')}\n`,
    );
  }
} finally {
  await db.connection.dropDatabase();
  await db.close();
}
