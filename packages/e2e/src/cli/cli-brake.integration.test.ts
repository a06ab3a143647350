import { deactivateOp, scimUser } from '@provisio/server/auth-testing';
import { expect, it } from 'vitest';
import { useCliTestServer } from '../testing/cli-test-server.ts';

const { app, cli } = useCliTestServer();

it('brake set, status, held and release', async () => {
  const org = await app().newOrg();
  expect(await cli(org.adminToken, ['brake', 'set', '--count', '1', '--percent', '0'])).toMatchObject({
    code: 0,
    stdout: 'Brake threshold: more than 1 users deactivated or deleted within 10 minutes.\n',
  });
  const ids: string[] = [];
  for (const name of ['a', 'b']) {
    const res = await app()
      .scim('post', '/Users', org.scimToken)
      .send(scimUser(`${name}-${org.orgId}@example.com`));
    ids.push(res.body.id as string);
  }
  const codes = [];
  for (const id of ids)
    codes.push((await app().scim('patch', `/Users/${id}`, org.scimToken).send(deactivateOp)).status);
  expect(codes).toEqual([200, 429]);

  const status = await cli(org.adminToken, ['brake', 'status']);
  expect(status.stdout).toMatch(/^BRAKED since .*held \(429\)/);
  const held = JSON.parse((await cli(org.adminToken, ['brake', 'held', '--json'])).stdout) as {
    braked: boolean;
    items: Array<{ userId: string; action: string }>;
  };
  expect(held).toMatchObject({ braked: true, items: [{ userId: ids[1], action: 'deactivate' }] });
  expect((await cli(org.adminToken, ['brake', 'release'])).stdout).toMatch(/1 held deprovision\(s\) will succeed/);
  expect((await app().scim('patch', `/Users/${ids[1]}`, org.scimToken).send(deactivateOp)).status).toBe(200);
  const again = await cli(org.adminToken, ['brake', 'release']);
  expect([again.code, again.stderr]).toEqual([1, expect.stringMatching(/not engaged/)]);
});
