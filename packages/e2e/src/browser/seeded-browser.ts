import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newContext } from './browser.ts';
import { startBrowserStack } from './browser-stack.ts';
import type { BrowserStack } from './browser-stack.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seedOrg } from './seed-org.ts';
import type { SeededOrg } from './seed-org.ts';
import { WEB_DIST_INDEX } from './web-build.ts';

export type SeededBrowser = { stack: BrowserStack; org: SeededOrg; page: Page };

/**
 * For a describe block of Chromium tests: before them, the built stack with the seeded org and
 * one page on it; after them, everything closed. The fields are set once `beforeAll` has run.
 */
export function useSeededBrowser(): SeededBrowser {
  const session = {} as SeededBrowser;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    if (!existsSync(WEB_DIST_INDEX))
      throw new Error(
        `the web app is not built (${WEB_DIST_INDEX}): run \`pnpm --filter @provisio/web build\` (make test does)`,
      );
    session.stack = await startBrowserStack();
    session.org = await seedOrg(session.stack);
    browser = await launchBrowser();
    context = await newContext(browser, session.stack.baseUrl);
    session.page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await session.stack?.stop();
  });
  return session;
}

/** Signs in on `/` as the seeded org's admin and waits for the users page. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
}
