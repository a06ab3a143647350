import { inflateRawSync } from 'node:zlib';
import { readCertificate, spEndpoints } from '@provisio/saml';
import { newTestKeyPair, testSamlResponse } from '@provisio/saml/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, ORIGIN } from '../web/testing/web-test-app.ts';

// The code hand-off over HTTP: a sign-in started with an allow-listed `return_to` ends in a
// 303 to it with a single-use code, which the product's backend exchanges at /trpc with a
// `users:read` key of the org (here a token the test's resolver maps to one).
let app: Awaited<ReturnType<typeof createWebTestApp>>;
let agent: ReturnType<typeof request>;
const key = newTestKeyPair();
const IDP = 'https://idp.test/realms/acme';
const RETURN_URL = 'https://app.example/sso/callback';

beforeAll(async () => {
  app = await createWebTestApp();
  const server = app.serverWith({
    ssoReturnUrls: [RETURN_URL],
    resolvePrincipal: (token) =>
      token.startsWith('product-') ? { kind: 'org', orgId: token.slice(8), scopes: ['users:read'] } : null,
  });
  agent = request(server.app);
});
afterAll(() => app.cleanup());

async function ssoOrg() {
  const { orgId } = await app.newOrg();
  const idp = {
    entityId: IDP,
    ssoUrl: 'https://idp.test/sso',
    certificates: [readCertificate(key.der)],
    metadataUrl: null,
  };
  await app.db.sso.update(orgId, { idp }, app.clock.now());
  await app.newUser(orgId, 'bob@acme.example', { role: 'standard' });
  return orgId;
}

/** Starts at our sign-in with `return_to`, answers as the IdP, and returns the ACS's answer. */
async function signInFor(orgId: string, returnTo: string) {
  const start = await agent.get(`/sso/saml/${orgId}/sign-in`).query({ return_to: returnTo });
  expect(start.status).toBe(302);
  const location = new URL(start.headers['location'] as string);
  const xml = inflateRawSync(Buffer.from(location.searchParams.get('SAMLRequest') ?? '', 'base64')).toString();
  const inResponseTo = /ID="([^"]+)"/.exec(xml)?.[1] ?? '';
  const SAMLResponse = testSamlResponse({
    sp: spEndpoints(ORIGIN, orgId),
    idpEntityId: IDP,
    key,
    email: 'bob@acme.example',
    inResponseTo,
  });
  return agent.post(`/sso/saml/${orgId}/acs`).type('form').send({ SAMLResponse, RelayState: '/' });
}

const exchange = (orgId: string, input: { code: string; returnUrl: string }) =>
  agent.post('/trpc/sso.exchangeCode').set('Authorization', `Bearer product-${orgId}`).send(input);

describe('code hand-off', () => {
  it('redirects to the allow-listed URL (its query kept) with a code the product exchanges once', async () => {
    const orgId = await ssoOrg();
    const res = await signInFor(orgId, `${RETURN_URL}?state=xyz`);
    expect(res.status).toBe(303);
    const to = new URL(res.headers['location'] as string);
    expect(to.origin + to.pathname).toBe(RETURN_URL);
    expect(to.searchParams.get('state')).toBe('xyz');
    expect(to.searchParams.get('org')).toBe(orgId);
    const code = to.searchParams.get('code') ?? '';
    // Stored hashed: the database never holds the code itself.
    const stored = await app.db.connection.collection('sso_codes').find({}).toArray();
    expect(JSON.stringify(stored)).not.toContain(code);
    const first = await exchange(orgId, { code, returnUrl: RETURN_URL });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      result: { data: { user: { userName: 'bob@acme.example' }, org: { id: orgId } } },
    });
    const again = await exchange(orgId, { code, returnUrl: RETURN_URL });
    expect(again.status).toBe(400);
  });

  it('refuses a sign-in that asks to return anywhere not allow-listed (another deployment’s URL, a longer path)', async () => {
    const orgId = await ssoOrg();
    for (const returnTo of [
      'https://other-deployment.example/sso/callback',
      `${RETURN_URL}/more`,
      'https://app.example/sso/callback#x',
      '/users',
    ]) {
      const res = await agent.get(`/sso/saml/${orgId}/sign-in`).query({ return_to: returnTo });
      expect(res.status).toBe(400);
      expect(res.text).toContain('does not allow');
    }
  });
});
