import { parseIdpMetadata } from '@provisio/saml';
import { newTestKeyPair, testIdpMetadata } from '@provisio/saml/testing';
import { describe, expect, it, vi } from 'vitest';
import { CHROMIUM_PATH, saveScreenshot } from './browser.ts';
import { ADMIN_EMAIL } from './seed-org.ts';
import { signInAsAdmin, useSeededBrowser } from './seeded-browser.ts';

const title = CHROMIUM_PATH
  ? 'SSO page warnings and attribute mapping in headless Chromium'
  : 'SSO page warnings and attribute mapping (skipped: CHROMIUM_PATH is not set; make test sets it)';

const DAY_MS = 86_400_000;

describe.skipIf(!CHROMIUM_PATH)(title, () => {
  const session = useSeededBrowser();

  it('warns about the expiring certificate and the unused connection, saves the mapping, claims and gives up email domains, and links the SCIM JIT warning to it', async () => {
    const { stack, org, page } = session;
    // An IdP set up 40 days ago that nobody signed in through, rotating to a certificate that ends in 10 days.
    const metadata = testIdpMetadata('https://idp.acme.example/realm', 'https://idp.acme.example/sso', [
      newTestKeyPair(10).der,
      newTestKeyPair(400).der,
    ]);
    const idp = { ...parseIdpMetadata(metadata), metadataUrl: null };
    await stack.db.sso.update(org.orgId, { idp }, new Date(Date.now() - 40 * DAY_MS));
    await stack.db.orgs.updateSettings(org.orgId, { scimEnabled: true, samlJitEnabled: true }, new Date());

    await signInAsAdmin(page);
    await page.goto('/sso');
    await page.getByText(/The IdP certificate .* expires on/).waitFor();
    await page.getByText(/No one has signed in through SSO since it was set up on/).waitFor();

    const mapping = page.getByRole('form', { name: 'Attribute mapping' });
    await mapping.getByLabel('From the attribute').check();
    await mapping.getByLabel('Email attribute').fill('mail');
    await mapping.getByLabel('Given name attribute').fill('firstName');
    await mapping.getByLabel('Family name attribute').fill('lastName');
    await mapping.getByLabel('Groups or roles attribute').fill('memberOf');
    await mapping.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Mapping saved.').waitFor();
    expect((await stack.db.sso.get(org.orgId)).mapping).toEqual({
      email: 'mail',
      givenName: 'firstName',
      familyName: 'lastName',
      displayName: null,
      groups: 'memberOf',
    });
    // A break-glass admin, named by email: stored as their user id.
    await page.getByLabel('Add an admin by email').fill(ADMIN_EMAIL);
    await page.getByRole('button', { name: 'Add break-glass admin' }).click();
    await page.getByRole('list', { name: 'Break-glass admins' }).getByRole('button', { name: 'Remove' }).waitFor();
    const [admin] = await stack.db.users.page(org.orgId, { email: ADMIN_EMAIL, limit: 2 });
    expect((await stack.db.sso.get(org.orgId)).breakGlassAdminIds).toEqual([admin?.id]);
    await page.getByLabel('Add an admin by email').fill('nobody@acme.example');
    await page.getByRole('button', { name: 'Add break-glass admin' }).click();
    await page.getByText('No single active user has the email nobody@acme.example.').waitFor();
    // Email domains: claim two, give one up.
    const domains = page.getByRole('list', { name: 'Email domains' });
    for (const domain of ['acme-corp.example', 'old-acme.example']) {
      await page.getByLabel('Add a domain').fill(domain);
      await page.getByRole('button', { name: 'Add domain' }).click();
      await domains.getByText(domain).waitFor();
    }
    await domains.getByRole('button', { name: 'Remove old-acme.example' }).click();
    await vi.waitFor(async () => {
      expect((await stack.db.sso.domains(org.orgId)).map((d) => d.domain)).toEqual(['acme-corp.example']);
    });
    await domains.getByText('old-acme.example').waitFor({ state: 'detached' });
    // The saved mapping is what the form shows after a reload.
    await page.reload();
    await expect
      .poll(() => page.getByRole('form', { name: 'Attribute mapping' }).getByLabel('Email attribute').inputValue())
      .toBe('mail');
    await page.getByText(/The IdP certificate .* expires on/).waitFor();
    await saveScreenshot(page, 'sso');

    // SCIM and JIT both on: the SCIM page's warning names the SSO setting and links to it.
    await page.goto('/scim-connection');
    const jit = page.getByRole('group', { name: 'SAML just-in-time provisioning is on' });
    await jit.getByText('Single sign-on page').waitFor();
    await jit.getByRole('link', { name: 'Single sign-on settings' }).click();
    await page.waitForURL(`${stack.baseUrl}/sso`);
    // A controlled checkbox: it turns once the server saved the change.
    await page.getByLabel(/Create people at their first sign-in/).click();
    await vi.waitFor(async () => {
      expect((await stack.db.orgs.findById(org.orgId))?.settings.samlJitEnabled).toBe(false);
    });
    await page.goto('/scim-connection');
    await page.waitForLoadState('networkidle');
    expect(await jit.count()).toBe(0);
  });
});
