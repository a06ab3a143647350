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

  it('stamps the last sign-in at most once a minute, apart from the connection; first set-up stays the connection date', async () => {
    const { orgId } = await createTestOrg(db);
    const t0 = new Date('2026-01-01T00:00:00Z');
    const idp = { entityId: 'e', ssoUrl: 'https://idp/sso', certificates: [], metadataUrl: null };
    await db.sso.update(orgId, { idp }, t0);
    await db.sso.update(orgId, { idp, idpInitiated: true }, new Date(t0.getTime() + 86_400_000));
    expect(await db.sso.get(orgId)).toMatchObject({ lastSignInAt: null, connectedAt: t0.toISOString() });
    await db.sso.signedIn(orgId, new Date(t0.getTime() + 1000));
    // Within the minute: no write.
    await db.sso.signedIn(orgId, new Date(t0.getTime() + 59_000));
    expect((await db.sso.get(orgId)).lastSignInAt).toBe(new Date(t0.getTime() + 1000).toISOString());
    await db.sso.signedIn(orgId, new Date(t0.getTime() + 62_000));
    expect((await db.sso.get(orgId)).lastSignInAt).toBe(new Date(t0.getTime() + 62_000).toISOString());
    // A stamp racing an admin's change loses neither (they are two documents).
    const later = new Date(t0.getTime() + 600_000);
    await Promise.all([db.sso.signedIn(orgId, later), db.sso.update(orgId, { breakGlassAdminIds: ['u9'] }, later)]);
    expect(await db.sso.get(orgId)).toMatchObject({ lastSignInAt: later.toISOString(), breakGlassAdminIds: ['u9'] });
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
    const expiresAt = new Date(now.getTime() + 60_000);
    await db.sso.saveRequest(a.orgId, '_r1', { expiresAt, returnUrl: 'https://app.example/cb' });
    expect(await db.sso.takeRequest(b.orgId, '_r1', now)).toBeNull();
    const results = await Promise.all(Array.from({ length: 8 }, () => db.sso.takeRequest(a.orgId, '_r1', now)));
    expect(results.filter(Boolean)).toEqual([{ expiresAt, returnUrl: 'https://app.example/cb' }]);
    await db.sso.saveRequest(a.orgId, '_r2', { expiresAt: new Date(now.getTime() - 1), returnUrl: null });
    expect(await db.sso.takeRequest(a.orgId, '_r2', now)).toBeNull();
  });

  it('remembers an assertion id once, across concurrent callers (the replay cache every replica shares)', async () => {
    const { orgId } = await createTestOrg(db);
    const until = new Date(Date.now() + 60_000);
    const results = await Promise.all(Array.from({ length: 8 }, () => db.sso.rememberAssertion(orgId, '_a1', until)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.sso.sweep(new Date(until.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(await db.sso.rememberAssertion(orgId, '_a1', until)).toBe(true);
  });

  it('redeems a hand-off code once among concurrent exchanges, only for its org and return URL, before it expires', async () => {
    const a = await createTestOrg(db);
    const b = await createTestOrg(db);
    const now = new Date();
    const returnUrl = 'https://app.example/cb';
    const code = { orgId: a.orgId, userId: 'u1', returnUrl, expiresAt: new Date(now.getTime() + 60_000) };
    await db.sso.saveCode({ ...code, codeHash: 'h1' });
    // Refused attempts (another org, another URL, unknown) leave it usable.
    expect(await db.sso.claimCode({ codeHash: 'h1', orgId: b.orgId, returnUrl, now })).toBeNull();
    expect(
      await db.sso.claimCode({ codeHash: 'h1', orgId: a.orgId, returnUrl: 'https://evil.test/cb', now }),
    ).toBeNull();
    expect(await db.sso.claimCode({ codeHash: 'nope', orgId: a.orgId, returnUrl, now })).toBeNull();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => db.sso.claimCode({ codeHash: 'h1', orgId: a.orgId, returnUrl, now })),
    );
    expect(results.filter(Boolean)).toEqual(['u1']);
    await db.sso.saveCode({ ...code, codeHash: 'h2' });
    const late = new Date(code.expiresAt.getTime());
    expect(await db.sso.claimCode({ codeHash: 'h2', orgId: a.orgId, returnUrl, now: late })).toBeNull();
    expect(await db.sso.sweep(late)).toBeGreaterThanOrEqual(1);
    expect(await db.sso.claimCode({ codeHash: 'h2', orgId: a.orgId, returnUrl, now })).toBeNull();
  });
});
