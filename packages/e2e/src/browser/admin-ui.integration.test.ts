import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchBrowser, newContext, withScreenshot } from './browser.ts';
import { startBrowserStack } from './browser-stack.ts';
import type { BrowserStack } from './browser-stack.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seedOrg } from './seed-org.ts';
import type { SeededOrg } from './seed-org.ts';
import { WEB_DIST_INDEX } from './web-build.ts';

const title = CHROMIUM_PATH ? 'admin web app in headless Chromium' : 'admin web app in headless Chromium (skipped: CHROMIUM_PATH is not set; make test sets it)';

describe.skipIf(!CHROMIUM_PATH)(title, () => {
  let stack: BrowserStack;
  let org: SeededOrg;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page | undefined;
  const step = (name: string, body: (page: Page) => Promise<void>) =>
    it(name, withScreenshot(() => page, name, () => body(page ?? (() => { throw new Error('no page') })())));

  beforeAll(async () => {
    if (!existsSync(WEB_DIST_INDEX)) throw new Error(`the web app is not built (${WEB_DIST_INDEX}): run \`pnpm --filter @provisio/web build\` (make test does)`);
    stack = await startBrowserStack();
    org = await seedOrg(stack);
    browser = await launchBrowser();
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
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
    await expect.poll(() => ada.textContent()).toMatch(/ada\.lovelace@acme\.example.*Standard.*invited.*SCIM.*sent.*expires in 2 days/i);
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Frances Allen' }).textContent()).toMatch(/Admin.*active.*Accepted/i);
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Donald Knuth' }).textContent()).toMatch(/deactivated/i);
    expect(org.orgId).toBeTruthy();
  });
});
