import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, saveScreenshot } from './browser.ts';
import { scimCall } from './seed-org.ts';
import { signInAsAdmin, useSeededBrowser } from './seeded-browser.ts';

const title = CHROMIUM_PATH
  ? 'deprovision brake in headless Chromium'
  : 'deprovision brake in headless Chromium (skipped: CHROMIUM_PATH is not set; make test sets it)';

const deactivate = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', value: { active: false } }],
};

describe.skipIf(!CHROMIUM_PATH)(title, () => {
  const session = useSeededBrowser();

  it('sets the threshold, shows the banner once the IdP is braked, lists the held users, and releases', async () => {
    const { stack, org, page } = session;
    await signInAsAdmin(page);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);

    // The seed deactivated one user; a threshold of 2 lets one more through.
    await page.getByRole('link', { name: 'Deprovision brake' }).click();
    await page.getByRole('heading', { name: 'Deprovision brake', level: 1 }).waitFor();
    await page.getByLabel('Users', { exact: true }).fill('2');
    await page.getByLabel('Percent of active users').fill('0');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await page.getByRole('status').filter({ hasText: 'Threshold saved' }).waitFor();

    const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'];
    const statuses = [];
    for (const name of names)
      statuses.push((await scimCall(stack, org.scimToken, 'PATCH', `/Users/${org.users[name]}`, deactivate)).status);
    expect(statuses).toEqual([200, 429, 429]);

    // The banner polls every 30 s; an admin opening the app sees it at once.
    await page.goto('/users');
    const banner = page.getByRole('alert').filter({ hasText: 'Deprovisioning is paused' });
    await banner.waitFor();
    await banner.getByRole('link', { name: 'Review the held users' }).click();
    await page.getByRole('heading', { name: 'Held users' }).waitFor();
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.allTextContents()).toEqual([
      expect.stringMatching(/grace\.hopper@acme\.example.*Deactivate.*1$/),
      expect.stringMatching(/alan\.turing@acme\.example.*Deactivate.*1$/),
    ]);
    await page.mouse.move(0, 0);
    await saveScreenshot(page, 'deprovision-brake');

    await page.getByRole('button', { name: 'Release the deprovision brake' }).click();
    await page.getByRole('button', { name: 'Confirm release the deprovision brake' }).click();
    await page.getByRole('status').filter({ hasText: '2 held deprovision(s) will succeed' }).waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    await page.getByRole('heading', { name: 'Released last time' }).waitFor();
    // The IdP's retry now goes through.
    expect(
      (await scimCall(stack, org.scimToken, 'PATCH', `/Users/${org.users['Grace Hopper']}`, deactivate)).status,
    ).toBe(200);
  });
});
