import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import type { UserStatus } from '@provisio/core';
import { hashSessionToken } from '@provisio/core/sessions';
import { createTestOrg } from '@provisio/db/testing';
import { authnRequestUrl, newRequestId, parseIdpMetadata, spEndpoints } from '@provisio/saml';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchBrowser, newContext, saveScreenshot } from './browser.ts';
import { createProvisioClient } from '@provisio/client';
import { freePort } from '../processes.ts';
import { PLATFORM_TOKEN, startBrowserStack } from './browser-stack.ts';
import type { BrowserStack } from './browser-stack.ts';
import { createSamlRealm, KEYCLOAK_URL, keycloakIsUp } from './keycloak.ts';
import type { KeycloakUser } from './keycloak.ts';
import { startProductBackend } from './product-backend.ts';

// SP-initiated SAML sign-in in headless Chromium against a real Keycloak. The SP is reached as
// `localhost` and Keycloak as `127.0.0.1`: two sites, so the ACS POST is cross-site, as it is
// in production (one site would hide a SameSite mistake).
const title = CHROMIUM_PATH
  ? 'SAML SSO against Keycloak in headless Chromium'
  : 'SAML SSO against Keycloak (skipped: CHROMIUM_PATH is not set; make test sets it)';

describe.skipIf(!CHROMIUM_PATH)(title, () => {
  let stack: BrowserStack;
  let browser: Browser;
  let orgId: string;
  let realm: Awaited<ReturnType<typeof createSamlRealm>>;
  let product: Awaited<ReturnType<typeof startProductBackend>>;
  const person = (name: string): KeycloakUser => ({
    username: name,
    email: `${name}@acme.example`,
    firstName: name.charAt(0).toUpperCase() + name.slice(1),
    lastName: 'Tester',
    password: 'a long enough password',
  });

  beforeAll(async () => {
    if (!(await keycloakIsUp()))
      throw new Error(`no Keycloak at ${KEYCLOAK_URL}: scripts/services.sh start test starts it (make test does)`);
    const productPort = await freePort();
    stack = await startBrowserStack({ ssoReturnUrls: [`http://127.0.0.1:${productPort}/sso/callback`] });
    product = await startProductBackend({ port: productPort, provisioUrl: stack.baseUrl });
    orgId = (await createTestOrg(stack.db, { name: 'Acme' })).orgId;
    realm = await createSamlRealm(`provisio-${randomUUID().slice(0, 8)}`, {
      ...spEndpoints(stack.baseUrl, orgId),
      signingCertDer: stack.spCertDer,
    });
    const idp = { ...parseIdpMetadata(await realm.metadata()), metadataUrl: null };
    await stack.db.sso.update(orgId, { idp }, stack.clock.now());
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await product?.close();
    await stack?.stop();
  });

  async function provisioned(user: KeycloakUser, status: UserStatus, role: 'admin' | 'standard' = 'admin') {
    const now = stack.clock.now();
    await stack.db.users.insert(orgId, {
      id: uuidV7(),
      attributes: {
        userName: user.email,
        active: status !== 'deactivated',
        emails: [{ value: user.email, primary: true }],
      },
      status,
      source: 'scim',
      role,
      ...(status === 'active' ? { acceptedAt: now } : {}),
      now,
    });
  }

  /** The org's admin, through the typed client (an admin key the platform admin made). */
  async function adminClient() {
    const platform = createProvisioClient({ url: `${stack.baseUrl}/trpc`, token: PLATFORM_TOKEN });
    const { token } = await platform.platform.createAdminKey.mutate({ orgId });
    return createProvisioClient({ url: `${stack.baseUrl}/trpc`, token });
  }

  /** Starts at our sign-in URL, signs in on Keycloak's page, and returns where the browser ends (`endsAt`: our site). */
  async function signIn(user: KeycloakUser, start = `/sso/saml/${orgId}/sign-in?next=/`, endsAt = stack.baseUrl) {
    const context = await newContext(browser, stack.baseUrl);
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(start);
    await page.waitForURL((url) => url.href.startsWith(KEYCLOAK_URL));
    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await page.click('#kc-login');
    await page.waitForURL((url) => url.href.startsWith(endsAt));
    await page.waitForLoadState('load');
    return page;
  }

  it('signs a provisioned admin in, with the session cookie through the cross-site ACS POST', async () => {
    const ada = person('ada');
    await realm.addUser(ada);
    await provisioned(ada, 'active');
    const page = await signIn(ada);
    await page.waitForURL(`${stack.baseUrl}/`);
    const session = await page.evaluate(async () => (await fetch('/auth/session')).json());
    expect(session).toMatchObject({ kind: 'user', user: { email: ada.email } });
  });

  it('is refused by Keycloak when the AuthnRequest is not signed by our SP key (client signature required)', async () => {
    const connection = await stack.db.sso.get(orgId);
    const idp = { ssoUrl: connection.idp?.ssoUrl ?? '', certificates: [] };
    const unsigned = await authnRequestUrl(spEndpoints(stack.baseUrl, orgId), idp, newRequestId(), '/');
    const res = await fetch(unsigned, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('kc-login');
  });

  it('starts from the sign-in page: a work email finds the org by its verified domain', async () => {
    const now = stack.clock.now();
    await stack.db.sso.addDomain(orgId, 'acme.example', now);
    await stack.db.sso.verifyDomain(orgId, 'acme.example', now);
    const context = await newContext(browser, stack.baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in with SSO' }).click();
    await page.fill('#email', 'ada@acme.example');
    await saveScreenshot(page, 'sign-in-sso');
    await page.getByRole('button', { name: 'Continue with SSO' }).click();
    await page.waitForURL((url) => url.href.startsWith(KEYCLOAK_URL));
    await context.close();
  });

  it('accepts an invited user’s invite by the sign-in', async () => {
    const ivy = person('ivy');
    await realm.addUser(ivy);
    await provisioned(ivy, 'invited');
    const page = await signIn(ivy);
    await page.waitForURL(`${stack.baseUrl}/`);
    const [user] = await stack.db.users.page(orgId, { email: ivy.email, limit: 2 });
    expect(user?.status).toBe('active');
  });

  it('refuses a deactivated user clearly', async () => {
    const dee = person('dee');
    await realm.addUser(dee);
    await provisioned(dee, 'deactivated');
    const page = await signIn(dee);
    expect(await page.textContent('body')).toContain('deactivated');
  });

  it('refuses an unknown user while JIT is off, then creates them once it is on, named by the saved mapping', async () => {
    const jo = person('joan');
    await realm.addUser(jo);
    expect(await (await signIn(jo)).textContent('body')).toContain('assign you the app');
    // JIT on, and the names from Keycloak's attributes, as an admin saves them (sso.update, the SSO page's editor).
    const admin = await adminClient();
    const mapping = {
      email: 'nameId',
      givenName: 'firstName',
      familyName: 'lastName',
      displayName: null,
      groups: null,
    };
    await admin.sso.update.mutate({ jitEnabled: true, mapping });
    const page = await signIn(jo);
    const [user] = await stack.db.users.page(orgId, { email: jo.email, limit: 2 });
    expect(user).toMatchObject({ source: 'jit', status: 'active', role: 'standard' });
    expect(user?.attributes).toMatchObject({
      name: { givenName: 'Joan', familyName: 'Tester' },
      displayName: 'Joan Tester',
    });
    // Not an admin: their account page (docs/screenshots/account.png), and a sign-out that ends the session.
    await page.waitForURL(`${stack.baseUrl}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await page.textContent('main')).toContain(jo.email);
    await saveScreenshot(page, 'account');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'provisio_account');
    const idHash = hashSessionToken(cookie?.value ?? '');
    expect(await stack.db.sessions.find(idHash)).toMatchObject({ kind: 'member', userId: user?.id });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Signed out' }).waitFor();
    expect(await stack.db.sessions.find(idHash)).toBeNull();
    await page.goto('/account');
    expect(await page.textContent('main')).toContain('You are signed out');
  });

  it('hands a code to the product behind Provisio, which exchanges it once through the typed client', async () => {
    // The product's backend holds a users:read key of a service account of the org.
    const admin = await adminClient();
    const account = await admin.serviceAccounts.create.mutate({ name: 'Product backend' });
    const { token } = await admin.keys.create.mutate({
      name: 'sso hand-off',
      ownerType: 'service_account',
      ownerId: account.id,
      scopes: ['users:read'],
    });
    product.setKey(orgId, token);
    const pat = person('pat');
    await realm.addUser(pat);
    await provisioned(pat, 'active', 'standard');
    const start = `/sso/saml/${orgId}/sign-in?return_to=${encodeURIComponent(product.returnUrl)}`;
    const page = await signIn(pat, start, product.returnUrl);
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    expect(product.exchanges).toEqual([
      {
        org: expect.objectContaining({ id: orgId }),
        user: expect.objectContaining({ userName: pat.email, role: 'standard' }),
      },
    ]);
    // The code in the browser's address bar is spent: a reload (or anyone who copied it) is refused.
    await page.reload();
    await page.getByRole('heading', { name: 'Sign-in failed' }).waitFor();
    expect(product.exchanges[1]).toEqual({ error: expect.stringContaining('unknown, used or expired') });
  });

  it('sends an invited person to SSO from the invite page while SSO is required (no password asked)', async () => {
    const sam = person('sam');
    await realm.addUser(sam);
    const admin = await adminClient();
    await admin.users.create.mutate({
      attributes: { userName: sam.email, active: true, emails: [{ value: sam.email, primary: true }] },
    });
    const [link] = await stack.inviteLinks(sam.email);
    await stack.db.orgs.updateSettings(orgId, { ssoEnabled: true }, stack.clock.now());
    try {
      const context = await newContext(browser, stack.baseUrl);
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      await page.goto(link ?? '');
      await page.getByRole('link', { name: 'Continue with single sign-on' }).waitFor();
      expect(await page.locator('input[type=password]').count()).toBe(0);
      await saveScreenshot(page, 'invite-sso');
      await page.getByRole('link', { name: 'Continue with single sign-on' }).click();
      await page.waitForURL((url) => url.href.startsWith(KEYCLOAK_URL));
      await page.fill('#username', sam.username);
      await page.fill('#password', sam.password);
      await page.click('#kc-login');
      await page.waitForURL(`${stack.baseUrl}/account`);
      const [user] = await stack.db.users.page(orgId, { email: sam.email, limit: 2 });
      expect(user?.status).toBe('active');
      await page.goto(link ?? '');
      expect(await page.textContent('main')).toContain('already used');
      await context.close();
    } finally {
      await stack.db.orgs.updateSettings(orgId, { ssoEnabled: false }, stack.clock.now());
    }
  });
});
