import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, saveScreenshot } from './browser.ts';
import { scimCall } from './seed-org.ts';
import { signInAsAdmin, useSeededBrowser } from './seeded-browser.ts';

const title = CHROMIUM_PATH
  ? 'role mapping in headless Chromium'
  : 'role mapping in headless Chromium (skipped: CHROMIUM_PATH is not set; make test sets it)';

describe.skipIf(!CHROMIUM_PATH)(title, () => {
  const session = useSeededBrowser();

  const roleCell = (name: string) => session.page.locator('tbody tr').filter({ hasText: name }).locator('td').nth(2);

  it('defines a role, maps groups, and shows each user role with the group that gave it', async () => {
    const { stack, org, page } = session;
    await signInAsAdmin(page);

    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('heading', { name: 'Roles', level: 1 }).waitFor();
    await page.getByLabel('Name').fill('Engineer');
    await page.getByLabel('Description').fill('Builds and runs the product');
    await page.getByLabel('Rank').fill('10');
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByRole('cell', { name: 'Builds and runs the product' }).waitFor();

    const mapGroup = async (group: string, role: string) => {
      await page.getByLabel('Group', { exact: true }).selectOption({ label: group });
      await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
      await page.getByRole('button', { name: 'Map group', exact: true }).click();
      await page
        .getByRole('row')
        .filter({ hasText: group })
        .getByRole('button', { name: `Unmap group ${group}` })
        .waitFor();
    };
    await mapGroup('Engineering', 'Engineer (org role)');
    await mapGroup('Product', 'Read only');
    await page.mouse.move(0, 0);
    await saveScreenshot(page, 'group-role-mapping');

    // The IdP pushes Tim into Engineering: the org role outranks Product's read_only at once.
    const tim = org.users['Tim Berners-Lee'] ?? '';
    const groups = await scimCall(stack, org.scimToken, 'GET', '/Groups?filter=displayName%20eq%20%22Engineering%22');
    const engineering = String((groups.body['Resources'] as Array<{ id: string }>)[0]?.id);
    const add = await scimCall(stack, org.scimToken, 'PATCH', `/Groups/${engineering}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: tim }] }],
    });
    expect(add.status).toBeLessThan(300);

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await expect.poll(() => roleCell('Ada Lovelace').textContent()).toBe('Engineerfrom group Engineering');
    await expect.poll(() => roleCell('Tim Berners-Lee').textContent()).toBe('Engineerfrom group Engineering');
    await expect.poll(() => roleCell('Frances Allen').textContent()).toBe('Adminfrom the SCIM roles attribute');
    await page.mouse.move(0, 0);
    await saveScreenshot(page, 'users-role-reasons');
    await page.getByRole('link', { name: 'Tim Berners-Lee' }).click();
    await page.getByText('Engineer (from group Engineering)').waitFor();
  });
});
