import { randomUUID } from 'node:crypto';
import { openDb } from './create-db.ts';

/** The repositories and the raw models under them: for tests and seeding that check or fill storage itself. */
export { openDb };
export type { DbModels } from './create-db.ts';
export { startTcpProxy } from './testing/tcp-proxy.ts';
export { vacuumAfterBulkLoad } from './ferretdb/vacuum-after-bulk-load.ts';
import type { Db } from './create-db.ts';
import type { OrgPlan } from './orgs/org-model.ts';
import { uuidV7 } from '@provisio/core';
import type { Principal, Scope } from '@provisio/core';

/** The URI `make test` exports; integration tests fail loudly without it. */
export function testMongoUri(): string {
  const uri = process.env['MONGODB_URI'];
  if (!uri) throw new Error('MONGODB_URI is not set: run integration tests through `make test`');
  return uri;
}

/** The PostgreSQL behind the test FerretDB, when `make test` exports it (the index companion is on). */
export const testPostgresUrl = (): string | undefined => process.env['FERRETDB_POSTGRES_URL'] || undefined;

/** A database of its own for one test file, with indexes built, dropped by `drop()`; `models` for checks of storage itself. */
export async function createTestDb() {
  const { db, models } = await openDb({
    uri: testMongoUri(),
    dbName: `test_${randomUUID().replaceAll('-', '')}`,
    ferretdbPostgresUrl: testPostgresUrl(),
    // Tests may look at the commands a request sends (`commandStarted`).
    monitorCommands: true,
  });
  await db.syncIndexes();
  return {
    ...db,
    models,
    async drop() {
      await db.connection.dropDatabase();
      await db.close();
    },
  };
}

/**
 * An org of its own for a test. Tests map a token of theirs to `testPrincipal(orgId)`;
 * real keys and credentials come with the credentials issue.
 */
export async function createTestOrg(
  db: Db,
  options: { plan?: OrgPlan; name?: string } = {},
): Promise<{ orgId: string }> {
  const orgId = uuidV7();
  const name = options.name ?? `Test org ${orgId}`;
  await db.orgs.insert({ id: orgId, name, plan: options.plan ?? 'enterprise', settings: {}, now: new Date() });
  return { orgId };
}

/** The principal a SCIM connection token of `orgId` resolves to. */
export const testPrincipal = (orgId: string, scopes: readonly Scope[] = ['scim']): Principal => ({
  kind: 'org',
  orgId,
  scopes,
});
