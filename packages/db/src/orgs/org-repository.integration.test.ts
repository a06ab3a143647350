import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

// FerretDB 1.x rewrites the whole document on update: changes of different settings made
// at once (two admins, or the platform changing the plan) must all survive.
it('keeps concurrent changes of different settings and the plan', async () => {
  const orgs = await Promise.all(
    Array.from({ length: 15 }, (_, i) => createTestOrg(db, { plan: 'pro', name: `Race ${i}` })),
  );
  const now = new Date();
  await Promise.all(
    orgs.flatMap(({ orgId }) => [
      db.orgs.updateSettings(orgId, { samlJitEnabled: true }, now),
      db.orgs.updateSettings(orgId, { defaultRole: 'read_only' }, now),
      db.orgs.updateSettings(orgId, { inviteTtlHours: 72 }, now),
      db.orgs.setPlan(orgId, 'enterprise', now),
    ]),
  );
  for (const { orgId } of orgs) {
    expect(await db.orgs.findById(orgId)).toMatchObject({
      plan: 'enterprise',
      settings: { samlJitEnabled: true, defaultRole: 'read_only', inviteTtlHours: 72 },
    });
  }
});
