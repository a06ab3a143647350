import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDb, createTestOrg, testPrincipal } from '@provisio/db/testing';
import { parseIdpMetadata } from '@provisio/saml';
import { newTestKeyPair, testIdpMetadata } from '@provisio/saml/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../../testing/test-caller.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
const key = newTestKeyPair();
const rotated = newTestKeyPair(10);
const metadata = testIdpMetadata('https://idp.test/realm', 'https://idp.test/sso', [key.der, rotated.der]);

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

async function adminOf() {
  const { orgId } = await createTestOrg(db);
  return { orgId, admin: callerFor(db, testPrincipal(orgId, ['admin'])) };
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code?: string; message: string },
  );

describe('sso.* (admin)', () => {
  it('sets the IdP from pasted metadata, shows the SP side and warns about the certificate ending in 10 days', async () => {
    const { orgId, admin } = await adminOf();
    const view = await admin.sso.setIdp({ metadataXml: metadata });
    expect(view.connection.idp).toMatchObject({
      entityId: 'https://idp.test/realm',
      ssoUrl: 'https://idp.test/sso',
      metadataUrl: null,
    });
    expect(view.connection.idp?.certificates).toHaveLength(2);
    expect(view.sp).toEqual({
      entityId: `http://provisio.test/sso/saml/${orgId}`,
      acsUrl: `http://provisio.test/sso/saml/${orgId}/acs`,
      metadataUrl: `http://provisio.test/sso/saml/${orgId}/metadata`,
      signInUrl: `http://provisio.test/sso/saml/${orgId}/sign-in`,
    });
    expect(view.warnings.map((w) => w.code)).toEqual(['certificate_expiring']);
    const [event] = await db.audit.list(orgId, { resourceType: 'SsoConnection', limit: 5 });
    expect(event).toMatchObject({ action: 'sso.setIdp', outcome: 'success' });
    // Fingerprints in the ledger, never whole certificates.
    expect(JSON.stringify(event?.changes)).not.toContain(key.der.slice(0, 40));
  });

  it('fetches metadata from a URL', async () => {
    const { admin } = await adminOf();
    const server = createServer((_req, res) => res.end(metadata));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metadata`;
      const view = await admin.sso.setIdp({ metadataUrl: url });
      expect(view.connection.idp).toMatchObject({ entityId: 'https://idp.test/realm', metadataUrl: url });
    } finally {
      server.close();
    }
  });

  it.each([
    [{ metadataXml: '<nope' }, /not well-formed/],
    [{ metadataUrl: 'file:///etc/passwd' }, /http or https/],
    [{ metadataUrl: 'http://127.0.0.1:1/none' }, /could not be reached/],
  ])('refuses unusable metadata %j with BAD_REQUEST', async (input, message) => {
    const { admin } = await adminOf();
    const err = await errorOf(admin.sso.setIdp(input));
    expect(err?.code).toBe('BAD_REQUEST');
    expect(err?.message).toMatch(message);
  });

  it('changes the settings (JIT and SSO required live in the org settings) and refuses what cannot work', async () => {
    const { orgId, admin } = await adminOf();
    expect((await errorOf(admin.sso.update({ ssoRequired: true })))?.code).toBe('BAD_REQUEST');
    await admin.sso.setIdp({ metadataXml: metadata });
    expect((await errorOf(admin.sso.update({ breakGlassAdminIds: ['nobody'] })))?.message).toMatch(
      /not an active admin/,
    );
    const mapping = {
      email: 'email',
      givenName: 'firstName',
      familyName: 'lastName',
      displayName: null,
      groups: 'groups',
    };
    const view = await admin.sso.update({ jitEnabled: true, ssoRequired: true, idpInitiated: true, mapping });
    expect(view).toMatchObject({ jitEnabled: true, ssoRequired: true, connection: { idpInitiated: true, mapping } });
    expect((await db.orgs.findById(orgId))?.settings).toMatchObject({ samlJitEnabled: true, ssoEnabled: true });
  });

  it('warns about a connection set up 40 days ago that nobody signed in through, until someone does', async () => {
    const { orgId, admin } = await adminOf();
    const longLived = testIdpMetadata('https://idp.test/realm', 'https://idp.test/sso', [newTestKeyPair(400).der]);
    // Set up 40 days ago (through the repository, which takes the time), edited since.
    const idp = { ...parseIdpMetadata(longLived), metadataUrl: null };
    await db.sso.update(orgId, { idp }, new Date(Date.now() - 40 * 86_400_000));
    await admin.sso.update({ idpInitiated: true });
    expect((await admin.sso.get()).warnings).toEqual([
      {
        code: 'no_recent_sign_in',
        message: expect.stringMatching(/^No one has signed in through SSO since it was set up on /),
      },
    ]);
    await db.sso.signedIn(orgId, new Date());
    expect((await admin.sso.get()).warnings).toEqual([]);
  });

  it('claims a domain for one org; the platform admin verifies it', async () => {
    const a = await adminOf();
    const b = await adminOf();
    const view = await a.admin.sso.addDomain({ domain: ' Acme-Api.Example ' });
    expect(view.domains).toEqual([{ domain: 'acme-api.example', verifiedAt: null }]);
    expect((await errorOf(b.admin.sso.addDomain({ domain: 'acme-api.example' })))?.code).toBe('CONFLICT');
    expect((await errorOf(a.admin.sso.addDomain({ domain: 'not a domain' })))?.code).toBe('BAD_REQUEST');
    expect(
      (await errorOf(a.admin.platform.verifySsoDomain({ orgId: a.orgId, domain: 'acme-api.example' })))?.code,
    ).toBe('FORBIDDEN');
    const platform = callerFor(db, { kind: 'platform' });
    await platform.platform.verifySsoDomain({ orgId: a.orgId, domain: 'acme-api.example' });
    expect(await db.sso.orgOfVerifiedDomain('acme-api.example')).toBe(a.orgId);
    expect((await a.admin.sso.removeDomain({ domain: 'acme-api.example' })).domains).toEqual([]);
  });

  it('is for admins only', async () => {
    const { orgId } = await createTestOrg(db);
    const scim = callerFor(db, testPrincipal(orgId, ['users:write']));
    expect((await errorOf(scim.sso.get()))?.code).toBe('FORBIDDEN');
  });
});
