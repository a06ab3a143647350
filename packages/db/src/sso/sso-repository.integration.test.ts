import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, createTestOrg } from '../testing.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

describe('sso repository', () => {
  it('reads an empty connection, then keeps concurrent changes of different fields', async () => {
    const { orgId } = await createTestOrg(db);
    expect(await db.sso.get(orgId)).toMatchObject({ idp: null, idpInitiated: false, mapping: { email: 'nameId' } });
    const now = new Date();
    await Promise.all([
      db.sso.update(orgId, { idpInitiated: true }, now),
      db.sso.update(orgId, { breakGlassAdminIds: ['u1'] }, now),
      db.sso.update(
        orgId,
        { mapping: { email: 'mail', givenName: null, familyName: null, displayName: null, groups: null } },
        now,
      ),
    ]);
    expect(await db.sso.get(orgId)).toMatchObject({
      idpInitiated: true,
      breakGlassAdminIds: ['u1'],
      mapping: { email: 'mail' },
      lastModified: now.toISOString(),
    });
  });

  it('lets one org claim a domain; it routes sign-ins only once verified', async () => {
    const a = await createTestOrg(db);
    const b = await createTestOrg(db);
    const now = new Date();
    await db.sso.addDomain(a.orgId, 'acme-claim.example', now);
    await db.sso.addDomain(a.orgId, 'acme-claim.example', now);
    await expect(db.sso.addDomain(b.orgId, 'acme-claim.example', now)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.sso.orgOfVerifiedDomain('acme-claim.example')).toBeNull();
    expect(await db.sso.verifyDomain(b.orgId, 'acme-claim.example', now)).toBe(false);
    expect(await db.sso.verifyDomain(a.orgId, 'acme-claim.example', now)).toBe(true);
    expect(await db.sso.orgOfVerifiedDomain('acme-claim.example')).toBe(a.orgId);
    expect(await db.sso.domains(a.orgId)).toEqual([{ domain: 'acme-claim.example', verifiedAt: now.toISOString() }]);
    expect(await db.sso.removeDomain(a.orgId, 'acme-claim.example')).toBe(true);
    expect(await db.sso.orgOfVerifiedDomain('acme-claim.example')).toBeNull();
  });

  it('gives a request id to exactly one of several concurrent answers, in its own org only, before it expires', async () => {
    const a = await createTestOrg(db);
    const b = await createTestOrg(db);
    const now = new Date();
    await db.sso.saveRequest(a.orgId, '_r1', new Date(now.getTime() + 60_000));
    expect(await db.sso.takeRequest(b.orgId, '_r1', now)).toBe(false);
    const results = await Promise.all(Array.from({ length: 8 }, () => db.sso.takeRequest(a.orgId, '_r1', now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    await db.sso.saveRequest(a.orgId, '_r2', new Date(now.getTime() - 1));
    expect(await db.sso.takeRequest(a.orgId, '_r2', now)).toBe(false);
  });

  it('remembers an assertion id once, across concurrent callers (the replay cache every replica shares)', async () => {
    const { orgId } = await createTestOrg(db);
    const until = new Date(Date.now() + 60_000);
    const results = await Promise.all(Array.from({ length: 8 }, () => db.sso.rememberAssertion(orgId, '_a1', until)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.sso.sweep(new Date(until.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(await db.sso.rememberAssertion(orgId, '_a1', until)).toBe(true);
  });
});
