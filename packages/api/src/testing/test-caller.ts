import { deriveListCursorKey, systemClock } from '@provisio/core';
import type { Clock, Principal } from '@provisio/core';
import { createTestDb, createTestOrg, testPrincipal } from '@provisio/db/testing';
import { createLogger } from '@provisio/logger';
import { createInnerContext } from '../context.ts';
import { createCaller } from '../root.ts';

type TestDb = Awaited<ReturnType<typeof createTestDb>>;

/** A caller acting as `auth` (default: a `scim` key of the org). */
export const callerFor = (db: TestDb, auth: Principal | null, clock: Clock = systemClock) =>
  createCaller(
    createInnerContext({
      db,
      logger: createLogger({ name: 'test', level: 'silent' }),
      clock,
      publicUrl: 'http://provisio.test',
      listCursorKey: deriveListCursorKey('test-admin-token'),
      auth,
    }),
  );

/** A database of the test file's own, one org in it, and a SCIM caller for that org. */
export async function setupOrg() {
  const db = await createTestDb();
  const { orgId } = await createTestOrg(db);
  return { db, orgId, caller: callerFor(db, testPrincipal(orgId)) };
}
