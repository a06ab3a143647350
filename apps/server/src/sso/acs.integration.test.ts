import { inflateRawSync } from 'node:zlib';
import { readCertificate, spEndpoints } from '@provisio/saml';
import { newTestKeyPair, testSamlResponse } from '@provisio/saml/testing';
import type { TestResponseOptions } from '@provisio/saml/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, ORIGIN } from '../web/testing/web-test-app.ts';

// The ACS over HTTP against the real FerretDB and Redis, with a test IdP whose assertions the
// test signs: the routes' wiring, every outcome, and refusals as 4xx pages and audit events.
let app: Awaited<ReturnType<typeof createWebTestApp>>;
const key = newTestKeyPair();
const IDP = 'https://idp.test/realms/acme';

beforeAll(async () => {
  app = await createWebTestApp();
});
afterAll(() => app.cleanup());

async function ssoOrg(options: { jit?: boolean; idpInitiated?: boolean } = {}) {
  const { orgId } = await app.newOrg();
  const now = app.clock.now();
  await app.db.sso.update(
    orgId,
    {
      idp: {
        entityId: IDP,
        ssoUrl: 'https://idp.test/sso',
        certificates: [readCertificate(key.der)],
        metadataUrl: null,
      },
      idpInitiated: options.idpInitiated ?? false,
    },
    now,
  );
  if (options.jit) await app.db.orgs.updateSettings(orgId, { samlJitEnabled: true }, now);
  return orgId;
}

/** SP-initiated: our sign-in route stores a request and sends the browser to the IdP; returns the request id. */
async function startSignIn(orgId: string, next = '/users') {
  const res = await app.agent.get(`/sso/saml/${orgId}/sign-in`).query({ next });
  expect(res.status).toBe(302);
  const location = new URL(res.headers['location'] as string);
  expect(location.origin + location.pathname).toBe('https://idp.test/sso');
  expect(location.searchParams.get('RelayState')).toBe(next);
  const xml = inflateRawSync(Buffer.from(location.searchParams.get('SAMLRequest') ?? '', 'base64')).toString();
  expect(xml).toContain(`AssertionConsumerServiceURL="${spEndpoints(ORIGIN, orgId).acsUrl}"`);
  return /ID="([^"]+)"/.exec(xml)?.[1] ?? '';
}

const answer = (orgId: string, over: Partial<TestResponseOptions> & { email: string }) =>
  testSamlResponse({ sp: spEndpoints(ORIGIN, orgId), idpEntityId: IDP, key, ...over });

const postAcs = (orgId: string, SAMLResponse: string, RelayState = '/users') =>
  app.agent
    .post(`/sso/saml/${orgId}/acs`)
    .set('Origin', 'https://idp.test')
    .type('form')
    .send({ SAMLResponse, RelayState });

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? [])[0] ?? '';

const lastSsoEvent = async (orgId: string) =>
  (await app.db.audit.list(orgId, { limit: 20 })).find((e) => e.action === 'sso.signIn');

describe('SP-initiated sign-in', () => {
  it('signs an active admin in: a session cookie, then a same-site hop to the RelayState path', async () => {
    const orgId = await ssoOrg();
    const admin = await app.newUser(orgId, 'ada@acme.example');
    const requestId = await startSignIn(orgId);
    const res = await postAcs(orgId, answer(orgId, { email: 'Ada@Acme.example', inResponseTo: requestId }));
    expect(res.status).toBe(200);
    expect(cookieOf(res)).toMatch(/^provisio_session=.+SameSite=Strict/);
    expect(res.text).toContain('url=/users');
    const session = await app.agent.get('/auth/session').set('Cookie', cookieOf(res).split(';')[0] ?? '');
    expect(session.body).toMatchObject({ kind: 'user', user: { id: admin.id } });
    expect(await lastSsoEvent(orgId)).toMatchObject({ outcome: 'success', resourceId: admin.id });
    expect((await app.db.sso.get(orgId)).lastSignInAt).not.toBeNull();
  });

  it('gives a person who is not an admin a member session for their account page, never an admin session', async () => {
    const orgId = await ssoOrg();
    await app.newUser(orgId, 'bob@acme.example', { role: 'standard' });
    const res = await postAcs(
      orgId,
      answer(orgId, { email: 'bob@acme.example', inResponseTo: await startSignIn(orgId) }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('url=/account');
    expect(cookieOf(res)).toMatch(/^provisio_account=.+SameSite=Strict/);
    const member = cookieOf(res).split(';')[0] ?? '';
    expect((await app.agent.get('/account').set('Cookie', member)).text).toContain('bob@acme.example');
    // The same token under the admin cookie's name is no admin session.
    const asAdmin = member.replace('provisio_account', 'provisio_session');
    expect((await app.agent.get('/auth/session').set('Cookie', asAdmin)).status).toBe(401);
  });

  it('accepts an invited user’s invite by the sign-in: the user becomes active (the invite page then reads "used")', async () => {
    const orgId = await ssoOrg();
    const user = await app.newUser(orgId, 'ivy@acme.example', { role: 'admin', status: 'invited' });
    const res = await postAcs(
      orgId,
      answer(orgId, { email: 'ivy@acme.example', inResponseTo: await startSignIn(orgId) }),
    );
    expect(res.status).toBe(200);
    expect((await app.db.users.findById(orgId, user.id))?.status).toBe('active');
    expect(await lastSsoEvent(orgId)).toMatchObject({ notes: ['SAML sign-in: invite accepted'] });
  });

  it('refuses a deactivated user clearly', async () => {
    const orgId = await ssoOrg({ jit: true });
    await app.newUser(orgId, 'dee@acme.example', { status: 'deactivated' });
    const res = await postAcs(
      orgId,
      answer(orgId, { email: 'dee@acme.example', inResponseTo: await startSignIn(orgId) }),
    );
    expect(res.status).toBe(403);
    expect(res.text).toContain('deactivated');
    expect(cookieOf(res)).toBe('');
  });

  it('creates an unknown user when JIT is on: source jit, active, role from the mapping, no invite', async () => {
    const orgId = await ssoOrg({ jit: true });
    const res = await postAcs(
      orgId,
      answer(orgId, { email: 'new@acme.example', inResponseTo: await startSignIn(orgId) }),
    );
    expect(res.status).toBe(200);
    const [user] = await app.db.users.page(orgId, { email: 'new@acme.example', limit: 2 });
    expect(user).toMatchObject({ status: 'active', source: 'jit', role: 'standard' });
    expect(await app.db.invites.latestForUser(orgId, user?.id ?? '')).toBeNull();
    const event = await lastSsoEvent(orgId);
    expect(event).toMatchObject({ outcome: 'success', notes: ['SAML sign-in: jit created'] });
    expect(event?.changes.length).toBeGreaterThan(0);
  });

  it('refuses an unknown user when JIT is off: ask your IT admin to assign you the app', async () => {
    const orgId = await ssoOrg();
    const res = await postAcs(
      orgId,
      answer(orgId, { email: 'who@acme.example', inResponseTo: await startSignIn(orgId) }),
    );
    expect(res.status).toBe(403);
    expect(res.text).toContain('assign you the app');
    expect(await app.db.users.page(orgId, { email: 'who@acme.example', limit: 2 })).toEqual([]);
  });
});

describe('ACS refusals over HTTP (each is a 4xx page and an audit event)', () => {
  it('a signature by another key', async () => {
    const orgId = await ssoOrg();
    await app.newUser(orgId, 'ada@acme.example');
    const res = await postAcs(
      orgId,
      answer(orgId, { email: 'ada@acme.example', inResponseTo: await startSignIn(orgId), key: newTestKeyPair() }),
    );
    expect(res.status).toBe(403);
    expect(await lastSsoEvent(orgId)).toMatchObject({
      outcome: 'failure',
      notes: [expect.stringContaining('(signature)')],
    });
  });

  it('a foreign org’s assertion on this org’s ACS', async () => {
    const orgA = await ssoOrg();
    const orgB = await ssoOrg();
    await app.newUser(orgA, 'ada@acme.example');
    const forB = answer(orgB, { email: 'ada@acme.example', inResponseTo: await startSignIn(orgA) });
    expect((await postAcs(orgA, forB)).status).toBe(403);
  });

  it('a replay, even of a response that signed in once', async () => {
    const orgId = await ssoOrg({ idpInitiated: true });
    await app.newUser(orgId, 'ada@acme.example');
    const response = answer(orgId, { email: 'ada@acme.example', inResponseTo: null });
    expect((await postAcs(orgId, response)).status).toBe(200);
    const again = await postAcs(orgId, response);
    expect(again.status).toBe(403);
    expect(again.text).toContain('already used');
  });

  it('an InResponseTo this server never issued, and IdP-initiated while it is off', async () => {
    const orgId = await ssoOrg();
    await app.newUser(orgId, 'ada@acme.example');
    expect((await postAcs(orgId, answer(orgId, { email: 'ada@acme.example', inResponseTo: '_forged' }))).status).toBe(
      403,
    );
    const unsolicited = await postAcs(orgId, answer(orgId, { email: 'ada@acme.example', inResponseTo: null }));
    expect(unsolicited.status).toBe(403);
    expect(unsolicited.text).toContain('identity provider is off');
  });

  it('an unsafe RelayState, before anything else', async () => {
    const orgId = await ssoOrg();
    await app.newUser(orgId, 'ada@acme.example');
    const requestId = await startSignIn(orgId);
    const res = await postAcs(
      orgId,
      answer(orgId, { email: 'ada@acme.example', inResponseTo: requestId }),
      'https://evil.example/',
    );
    expect(res.status).toBe(400);
    expect(cookieOf(res)).toBe('');
    expect((await app.agent.get(`/sso/saml/${orgId}/sign-in`).query({ next: '//evil.example' })).status).toBe(400);
  });

  it('no SAMLResponse, or an org without SSO', async () => {
    const orgId = await ssoOrg();
    expect((await postAcs(orgId, '')).status).toBe(400);
    const { orgId: plain } = await app.newOrg();
    expect((await postAcs(plain, 'eA==')).status).toBe(404);
    expect((await app.agent.get(`/sso/saml/${plain}/sign-in`)).status).toBe(404);
  });
});

describe('finding the org and "SSO required"', () => {
  it('sends a work email to its org’s sign-in once the domain is verified', async () => {
    const orgId = await ssoOrg();
    const now = app.clock.now();
    await app.db.sso.addDomain(orgId, `${orgId}.example`, now);
    const ask = () =>
      app.agent
        .post('/auth/sso')
        .set('Origin', ORIGIN)
        .send({ email: `ada@${orgId.toUpperCase()}.example` });
    expect((await ask()).status).toBe(404);
    await app.db.sso.verifyDomain(orgId, `${orgId}.example`, now);
    expect((await ask()).body).toEqual({ redirect: `/sso/saml/${orgId}/sign-in` });
  });

  it('refuses password sign-in to every admin but the break-glass ones', async () => {
    const orgId = await ssoOrg();
    const breakGlass = await app.newUser(orgId, `glass@${orgId}.example`);
    await app.newUser(orgId, `other@${orgId}.example`);
    const now = app.clock.now();
    await app.db.orgs.updateSettings(orgId, { ssoEnabled: true }, now);
    await app.db.sso.update(orgId, { breakGlassAdminIds: [breakGlass.id] }, now);
    const other = await app.signIn({ email: `other@${orgId}.example`, password: 'a long enough password' });
    expect(other.res.status).toBe(403);
    expect(other.res.body).toEqual({ error: expect.stringContaining('single sign-on') });
    const glass = await app.signIn({ email: `glass@${orgId}.example`, password: 'a long enough password' });
    expect(glass.res.status).toBe(200);
  });

  it('serves our SP metadata', async () => {
    const orgId = await ssoOrg();
    const res = await app.agent.get(`/sso/saml/${orgId}/metadata`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`entityID="${spEndpoints(ORIGIN, orgId).entityId}"`);
    expect(res.text).toContain(spEndpoints(ORIGIN, orgId).acsUrl);
  });
});
