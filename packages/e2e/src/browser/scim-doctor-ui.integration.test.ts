import { scimDoctorReport } from '@provisio/core/scim-doctor';
import { describe, expect, it, vi } from 'vitest';
import { CHROMIUM_PATH, saveScreenshot } from './browser.ts';
import { scimCall } from './seed-org.ts';
import { signInAsAdmin, useSeededBrowser } from './seeded-browser.ts';

const title = CHROMIUM_PATH
  ? 'SCIM connection doctor in headless Chromium'
  : 'SCIM connection doctor in headless Chromium (skipped: CHROMIUM_PATH is not set; make test sets it)';

const user = (userName: string, email: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: email, type: 'work', primary: true }],
  active: true,
});

describe.skipIf(!CHROMIUM_PATH)(title, () => {
  const session = useSeededBrowser();

  it("shows each key's hints with their fix, its requests by operation and status, and its last errors", async () => {
    const { stack, org, page } = session;
    // The seeded Okta integration, then a mapping that collides userNames ignoring case and one without email.
    const statuses: number[] = [];
    for (const userName of ['ADA.LOVELACE@ACME.EXAMPLE', 'Ada.Lovelace@acme.example', 'ada.lovelace@ACME.example'])
      statuses.push((await scimCall(stack, org.scimToken, 'POST', '/Users', user(userName, userName))).status);
    expect(statuses).toEqual([409, 409, 409]);
    await scimCall(stack, org.scimToken, 'POST', '/Users', user('no.mail@acme.example', ''));
    // The built server flushes what its recorder gathered every few seconds: wait until it is stored.
    const { db, clock } = stack;
    const deps = { traffic: db.scimTraffic, groups: db.groups, orgs: db.orgs, keys: db.keys, clock };
    await vi.waitFor(
      async () => {
        const hints = (await scimDoctorReport(deps, org.orgId)).connections.flatMap((c) => c.hints.map((h) => h.code));
        expect(hints).toEqual(expect.arrayContaining(['username-collisions', 'empty-emails']));
      },
      { timeout: 30_000, interval: 250 },
    );

    await signInAsAdmin(page);
    await page.getByRole('link', { name: 'SCIM connection' }).click();
    await page.getByRole('heading', { name: 'Connection doctor', level: 2 }).waitFor();

    const connection = page.getByRole('article', { name: /^Connection / });
    await expect.poll(() => connection.count()).toBe(1);
    await connection.getByRole('heading', { name: /· Okta$/ }).waitFor();
    const collisions = connection
      .getByRole('status')
      .filter({ hasText: 'keeps sending userNames that are already taken' });
    await collisions.waitFor();
    expect(await collisions.textContent()).toMatch(
      /3 User write\(s\) refused 409.*Fix: userNames are unique ignoring case/,
    );
    await connection.getByRole('status').filter({ hasText: 'The attribute mapping sends empty emails' }).waitFor();
    const conflicts = connection.getByRole('row').filter({ hasText: 'users-create' }).filter({ hasText: '409' });
    expect(await conflicts.getByRole('cell').allTextContents()).toEqual(['users-create', '409', '3']);
    await connection.getByRole('heading', { name: 'Last errors' }).waitFor();
    expect(await connection.getByRole('listitem').filter({ hasText: 'POST /Users 409 uniqueness' }).count()).toBe(3);
    await saveScreenshot(page, 'scim-doctor');
  });
});
