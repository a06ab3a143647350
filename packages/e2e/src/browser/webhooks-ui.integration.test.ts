import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';
import { CHROMIUM_PATH, launchBrowser, newContext, saveScreenshot } from './browser.ts';
import { startBrowserStack } from './browser-stack.ts';
import type { BrowserStack } from './browser-stack.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, seedOrg } from './seed-org.ts';
import { WEB_DIST_INDEX } from './web-build.ts';

const title = CHROMIUM_PATH
  ? 'webhooks page in headless Chromium'
  : 'webhooks page in headless Chromium (skipped: CHROMIUM_PATH is not set; make test sets it)';

describe.skipIf(!CHROMIUM_PATH)(title, () => {
  let stack: BrowserStack;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(WEB_DIST_INDEX))
      throw new Error(
        `the web app is not built (${WEB_DIST_INDEX}): run \`pnpm --filter @provisio/web build\` (make test does)`,
      );
    stack = await startBrowserStack();
    await seedOrg(stack);
    receiver = await startWebhookReceiver();
    browser = await launchBrowser();
    context = await newContext(browser, stack.baseUrl);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await receiver?.close();
    await stack?.stop();
  });

  it('adds an endpoint, shows its secret once, pings it and shows the delivery the receiver verified', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByLabel('URL').fill(receiver.url('/ui'));
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secretField = page.getByLabel('Signing secret', { exact: true });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Done, I have stored it' }).click();
    // Shown once: gone from the page, and no answer carries it again.
    await expect.poll(() => page.getByLabel('Signing secret', { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: `Ping ${receiver.url('/ui')}` }).click();
    await expect.poll(() => receiver.at('/ui').length, { timeout: 20_000 }).toBe(1);
    expect(receiver.verified('/ui', secret)[0]).toMatchObject({ valid: true, event: { type: 'ping' } });
    const row = page
      .getByRole('region', { name: /^Deliveries to/ })
      .locator('tbody tr')
      .first();
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toMatch(/succeeded.*200/);
    await page.mouse.move(0, 0);
    await saveScreenshot(page, 'webhooks');
  });
});
