/// <reference lib="dom" />
// Page functions run in the browser (page.evaluate): they need the DOM types.
import { existsSync } from 'node:fs';
import { keySecretOf } from '@provisio/server/auth-testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  launchBrowser,
  newContext,
  saveScreenshot,
  unnamedControls,
  withScreenshot,
} from './browser.ts';
import { PLATFORM_TOKEN, startBrowserStack } from './browser-stack.ts';
import type { BrowserStack } from './browser-stack.ts';
import { tabTo } from './keyboard.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, scimCall, seedOrg, trpcCall } from './seed-org.ts';
import type { SeededOrg } from './seed-org.ts';
import { WEB_DIST_INDEX } from './web-build.ts';

const title = CHROMIUM_PATH
  ? 'admin web app in headless Chromium'
  : 'admin web app in headless Chromium (skipped: CHROMIUM_PATH is not set; make test sets it)';

describe.skipIf(!CHROMIUM_PATH)(title, () => {
  let stack: BrowserStack;
  let org: SeededOrg;
  let browser: Browser;
  let context: BrowserContext;
  /** The page a failing step screenshots: the main one, or a step's own. */
  let page: Page | undefined;
  let mainPage: Page | undefined;
  const keys = { okta: '' };
  const step = (name: string, body: (page: Page) => Promise<void>) =>
    it(
      name,
      withScreenshot(
        () => page,
        name,
        () =>
          body(
            page ??
              (() => {
                throw new Error('no page');
              })(),
          ),
      ),
    );

  beforeAll(async () => {
    if (!existsSync(WEB_DIST_INDEX))
      throw new Error(
        `the web app is not built (${WEB_DIST_INDEX}): run \`pnpm --filter @provisio/web build\` (make test does)`,
      );
    stack = await startBrowserStack();
    org = await seedOrg(stack);
    browser = await launchBrowser();
    context = await newContext(browser, stack.baseUrl);
    mainPage = await context.newPage();
    page = mainPage;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  step('refuses a wrong password, then signs in with the email and password set through the invite', async (page) => {
    await page.goto('/');
    await expect.poll(() => page.url()).toMatch(/\/sign-in$/);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(page.url()).toBe(`${stack.baseUrl}/users`);
    await expect.poll(() => page.locator('header.topbar').textContent()).toContain('Acme Corp');
  });

  step('shows the users created through SCIM, with status, source and invite state', async (page) => {
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(11);
    const ada = page.getByRole('row').filter({ hasText: 'Ada Lovelace' });
    await expect
      .poll(() => ada.textContent())
      .toMatch(/ada\.lovelace@acme\.example.*Standard.*invited.*SCIM.*sent.*expires in 2 days/i);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'Frances Allen' }).textContent())
      .toMatch(/Admin.*active.*Accepted/i);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'Donald Knuth' }).textContent())
      .toMatch(/deactivated/i);
    await page.mouse.move(0, 0);
    await saveScreenshot(page, 'users');
    await page.getByLabel('Status').selectOption('deactivated');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/Donald Knuth/);
    expect(page.url()).toMatch(/[?&]status=deactivated/);
    await page.getByLabel('Status').selectOption('');
    await expect.poll(() => rows.count()).toBe(11);
  });

  step('opens a user and resends their invite; the new email arrives in the test SMTP server', async (page) => {
    await page.getByLabel('Search users').fill('ada LOVE');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    const attributes = page.getByRole('region', { name: 'Attributes' });
    await expect.poll(() => attributes.textContent()).toMatch(/Head of Engineering.*Engineering/);
    await expect
      .poll(() => page.getByRole('region', { name: 'Groups' }).textContent())
      .toMatch(/Engineering.*All staff/);
    await expect
      .poll(() => page.getByRole('region', { name: 'Keys this user owns' }).textContent())
      .toContain('This user owns no keys.');
    const [firstLink] = await stack.inviteLinks('ada.lovelace@acme.example');
    await stack.ageInvites(org.orgId, 61_000); // one resend a minute per user
    await page.getByRole('button', { name: 'Resend invite' }).click();
    await page.getByRole('status').filter({ hasText: 'A new invite is on its way' }).waitFor();
    const links = await stack.inviteLinks('ada.lovelace@acme.example', 2);
    expect(links).toHaveLength(2);
    expect(links[1]).not.toBe(firstLink);
    expect(links[1]).toMatch(new RegExp(`^${stack.baseUrl}/invite/`));
  });

  step('creates a SCIM key for a service account and shows it exactly once', async (page) => {
    await page.getByRole('link', { name: 'SCIM connection' }).click();
    await page.getByRole('heading', { name: 'SCIM connection', level: 1 }).waitFor();
    expect(await page.getByRole('textbox', { name: 'SCIM base URL' }).inputValue()).toBe(`${stack.baseUrl}/scim/v2`);
    await page.getByLabel('Key name').fill('Okta SCIM');
    await page.getByRole('button', { name: 'Create SCIM key' }).click();
    const token = await page.getByRole('textbox', { name: 'New key' }).inputValue();
    expect(token).toMatch(/^pvk_/);
    await page.getByRole('button', { name: 'Copy New key' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    expect((await scimCall(stack, token, 'GET', '/Users?count=1')).status).toBe(200);
    keys.okta = token;

    await page.getByRole('button', { name: 'Done, I have stored it' }).click();
    await expect.poll(() => page.content()).not.toContain(token);
    await page.reload();
    await page.getByRole('heading', { name: 'SCIM keys' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Okta SCIM' });
    await expect.poll(() => row.textContent()).toMatch(/scim-provisioning.*scim/);
    expect(await page.content()).not.toContain(keySecretOf(token));
  });

  step('shows the SAML JIT and human-owned key warnings, and fixes each in one click', async (page) => {
    const admin = await trpcCall<{ token: string }>(stack, PLATFORM_TOKEN, 'platform.createAdminKey', {
      orgId: org.orgId,
    });
    await trpcCall(stack, admin.token, 'org.updateSettings', { samlJitEnabled: true });
    await trpcCall(stack, admin.token, 'keys.create', {
      name: "Grace's SCIM key",
      ownerType: 'user',
      ownerId: org.users['Grace Hopper'],
      scopes: ['scim'],
    });
    await page.reload();
    const jit = page.getByRole('group', { name: 'SAML just-in-time provisioning is on' });
    await jit.waitFor();
    await page.getByRole('group', { name: 'A person owns the SCIM key' }).waitFor();
    await page.getByRole('row').filter({ hasText: "Grace's SCIM key" }).waitFor();
    await saveScreenshot(page, 'scim-connection');
    await jit.getByRole('button', { name: 'Turn off SAML JIT' }).click();
    await jit.waitFor({ state: 'detached' });
    expect((await stack.db.orgs.findById(org.orgId))?.settings.samlJitEnabled).toBe(false);

    const humanOwned = page.getByRole('group', { name: 'A person owns the SCIM key' });
    await humanOwned.getByRole('button', { name: 'Create a service-account key' }).click();
    const token = await page.getByRole('textbox', { name: 'New key' }).inputValue();
    expect((await scimCall(stack, token, 'GET', '/Users?count=1')).status).toBe(200);
    await page.getByRole('button', { name: 'Done, I have stored it' }).click();
  });

  step('revokes a key: the IdP gets 401 with it at once', async (page) => {
    await page.getByRole('link', { name: 'Service accounts & keys' }).click();
    await page.getByRole('heading', { name: 'Service accounts & keys', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Revoke key Okta SCIM' }).click();
    await page.getByRole('button', { name: 'Confirm revoke key Okta SCIM' }).click();
    await page.getByRole('status').filter({ hasText: 'Key Okta SCIM revoked' }).waitFor();
    await expect.poll(async () => (await scimCall(stack, keys.okta, 'GET', '/Users?count=1')).status).toBe(401);
    await page.getByLabel('Show revoked keys').check();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Okta SCIM' }).textContent()).toContain('Revoked');
  });

  step(
    'registers an extension schema on the SCIM page, which the IdP uses at once; hides an attribute',
    async (page) => {
      const urn = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
      await page.getByRole('link', { name: 'SCIM connection' }).click();
      await page.getByRole('heading', { name: 'Extension schemas' }).waitFor();
      const attributes = [
        { name: 'costCode', type: 'string' },
        { name: 'badge', type: 'string' },
      ];
      await page.getByLabel('Schema definition (JSON)').fill(JSON.stringify({ urn, name: 'Acme HR', attributes }));
      await page.getByRole('button', { name: 'Register schema' }).click();
      const schema = page.getByRole('group', { name: urn });
      await schema.getByRole('button', { name: 'Hide badge' }).waitFor();
      const user = await scimCall(stack, org.scimToken, 'POST', '/Users', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', urn],
        userName: 'ext.user@example.com',
        [urn]: { costCode: 'CC-9', badge: 'B-9' },
      });
      expect(user.body[urn]).toEqual({ costCode: 'CC-9', badge: 'B-9' });
      await schema.getByRole('button', { name: 'Hide badge' }).click();
      await schema.getByRole('button', { name: 'Show badge' }).waitFor();
      const read = await scimCall(stack, org.scimToken, 'GET', `/Users/${String(user.body['id'])}`);
      expect(read.body[urn]).toEqual({ costCode: 'CC-9' });
      const invalid =
        '{"urn": "urn:ietf:params:scim:schemas:extension:x:2.0:User", "name": "X", "attributes": [{"name": "title", "type": "string"}]}';
      await page.getByLabel('Schema definition (JSON)').fill(invalid);
      await page.getByRole('button', { name: 'Register schema' }).click();
      await page.getByText(/core or Enterprise User attribute/).waitFor();
      // The later steps count the seeded users.
      expect((await scimCall(stack, org.scimToken, 'DELETE', `/Users/${String(user.body['id'])}`)).status).toBe(204);
    },
  );

  step('shows groups pushed by the IdP, and the attribute diff of a SCIM change in the activity', async (page) => {
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('link', { name: 'Engineering' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Members' }).textContent())
      .toMatch(/Ada Lovelace.*Grace Hopper/);
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByLabel('Resource', { exact: true }).selectOption('User');
    await page.getByLabel('Resource id').fill(org.users['Donald Knuth'] ?? '');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const patch = page.locator('details').filter({ hasText: 'scim PATCH User/{id}' });
    await patch.locator('summary').click();
    await expect
      .poll(() => patch.getByRole('row').filter({ hasText: 'status' }).textContent())
      .toMatch(/status.*invited.*deactivated/);
  });

  step(
    'shows the failed sign-in of the first step in the activity: the account, the address, the reason',
    async (page) => {
      await page.goto('/activity');
      await page.getByLabel('Outcome').selectOption('failure');
      await page.getByLabel(/^Actor/).fill(ADMIN_EMAIL.toLowerCase());
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const failed = page.locator('details').filter({ hasText: 'auth.signIn' }).first();
      await expect
        .poll(() => failed.locator('summary').textContent())
        .toMatch(new RegExp(`by a sign-in as ${ADMIN_EMAIL.toLowerCase().replaceAll('.', '\\.')}.*Failure 401`));
      await failed.locator('summary').click();
      await expect
        .poll(() => failed.textContent())
        .toMatch(/wrong password for this admin account.*Address(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)/);
    },
  );

  step('gives every input, button, select and link an accessible name on every page', async (page) => {
    for (const path of ['/users', `/users/${org.adminUserId}`, '/scim-connection', '/keys', '/groups', '/activity']) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, unnamed: await unnamedControls(page) }).toEqual({ path, unnamed: [] });
    }
  });

  step('signs out: the old session cookie stops working', async (page) => {
    const cookie = (await context.cookies()).find((c) => c.name === 'provisio_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to your organisation' }).waitFor();
    const res = await fetch(`${stack.baseUrl}/auth/session`, {
      headers: { cookie: `provisio_session=${cookie?.value ?? ''}` },
    });
    expect(res.status).toBe(401);
  });

  step('lets the platform admin sign in with the admin token and pick the org', async () => {
    const platformContext = await newContext(browser, stack.baseUrl);
    page = await platformContext.newPage();
    try {
      await page.goto('/');
      await page.getByRole('button', { name: 'Sign in as the platform admin' }).click();
      await page.getByLabel('Admin token').fill(PLATFORM_TOKEN);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Pick an organisation' }).waitFor();
      await page.getByRole('button', { name: /Acme Corp/ }).click();
      await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
      await expect.poll(() => page?.locator('header.topbar').textContent()).toMatch(/Acme Corp.*Platform admin/);
      await expect.poll(() => page?.locator('tbody tr').count()).toBe(11);
      // Sign-ins that name no admin account are in the platform's ledger, which only the platform admin reads.
      await fetch(`${stack.baseUrl}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@acme.example', password: 'a guess of a password' }),
      });
      await page.getByRole('link', { name: 'Activity' }).click();
      await page.getByLabel('Ledger').selectOption('platform');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect
        .poll(() => page?.locator('details summary').first().textContent())
        .toMatch(/auth\.signIn.*by a sign-in as nobody@acme\.example.*Failure 401/);
    } finally {
      page = mainPage;
      await platformContext.close();
    }
  });

  step('works from the keyboard alone: sign in, create a SCIM key, find a user', async () => {
    const keyboardContext = await newContext(browser, stack.baseUrl);
    const kb = await keyboardContext.newPage();
    page = kb;
    try {
      await kb.goto('/users');
      await kb.getByLabel('Email').waitFor();
      await kb.keyboard.type(ADMIN_EMAIL); // the email field has focus on load
      await kb.keyboard.press('Tab');
      await kb.keyboard.type(ADMIN_PASSWORD);
      await kb.keyboard.press('Enter');
      await kb.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

      await tabTo(kb, 'SCIM connection');
      await kb.keyboard.press('Enter');
      await kb.getByRole('heading', { name: 'SCIM connection', level: 1 }).waitFor();
      await tabTo(kb, 'Create SCIM key');
      await kb.keyboard.press('Enter');
      expect(await kb.getByRole('textbox', { name: 'New key' }).inputValue()).toMatch(/^pvk_/);
      await tabTo(kb, 'Done, I have stored it');
      await kb.keyboard.press('Enter');

      await tabTo(kb, 'Users');
      await kb.keyboard.press('Enter');
      await tabTo(kb, 'Search users');
      await kb.keyboard.type('hopper');
      await expect.poll(() => kb.locator('tbody tr').count()).toBe(1);
      await tabTo(kb, 'Grace Hopper');
      await kb.keyboard.press('Enter');
      await kb.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    } finally {
      page = mainPage;
      await keyboardContext.close();
    }
  });
});
