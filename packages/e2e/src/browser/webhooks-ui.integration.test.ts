import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';
import { CHROMIUM_PATH, saveScreenshot } from './browser.ts';
import { signInAsAdmin, useSeededBrowser } from './seeded-browser.ts';

const title = CHROMIUM_PATH
  ? 'webhooks page in headless Chromium'
  : 'webhooks page in headless Chromium (skipped: CHROMIUM_PATH is not set; make test sets it)';

describe.skipIf(!CHROMIUM_PATH)(title, () => {
  const session = useSeededBrowser();
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('adds an endpoint, shows its secret once, pings it and shows the delivery the receiver verified', async () => {
    const { page } = session;
    await signInAsAdmin(page);

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
    // Subscribed by default to every family by wildcard (later types too).
    await expect.poll(() => page.getByRole('cell', { name: 'user.*, group.*, membership.*' }).count()).toBe(1);

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
