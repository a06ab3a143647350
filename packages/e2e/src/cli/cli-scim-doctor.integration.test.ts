import { scimUser } from '@provisio/server/auth-testing';
import { expect, it } from 'vitest';
import { useCliTestServer } from '../testing/cli-test-server.ts';

const { app, cli, cliAsPlatform } = useCliTestServer();

it('scim doctor prints each key with its counts, last errors and hints (and the same as JSON)', async () => {
  const org = await app().newOrg();
  expect((await cli(org.adminToken, ['scim', 'doctor', '--org', org.orgId])).stdout).toMatch(/^No SCIM requests since/);
  for (const userName of ['ada@acme.example', 'Ada@acme.example', 'ADA@acme.example', 'ada@ACME.example'])
    await app().scim('post', '/Users', org.scimToken).send(scimUser(userName));
  await app().server.traffic.flush();

  const printed = await cli(org.adminToken, ['scim', 'doctor', '--org', org.orgId]);
  expect(printed.code).toBe(0);
  expect(printed.stdout).toContain(`(${org.scimKeyId}): Okta, 4 request(s), last success 20`);
  expect(printed.stdout).toContain('users-create 409 ×3, users-create 201 ×1');
  expect(printed.stdout).toMatch(/POST \/Users 409 uniqueness: /);
  expect(printed.stdout).toContain('Hint: The IdP keeps sending userNames that are already taken');
  expect(printed.stdout).toMatch(/Fix: userNames are unique ignoring case/);

  const asJson = JSON.parse((await cli(org.adminToken, ['scim', 'doctor', '--json'])).stdout) as {
    connections: { keyId: string; hints: { code: string }[] }[];
  };
  expect(asJson.connections).toMatchObject([{ keyId: org.scimKeyId, hints: [{ code: 'username-collisions' }] }]);
});

it('scim doctor works for the platform admin with --org (any org), and says when --org is missing', async () => {
  const org = await app().newOrg();
  await app().scim('get', '/Users', org.scimToken);
  await app().server.traffic.flush();
  const printed = await cliAsPlatform(['scim', 'doctor', '--org', org.orgId]);
  expect(printed).toMatchObject({ code: 0, stdout: expect.stringContaining(`(${org.scimKeyId}): Okta, 1 request(s)`) });
  const unnamed = await cliAsPlatform(['scim', 'doctor']);
  expect([unnamed.code, unnamed.stderr]).toEqual([
    1,
    expect.stringMatching(/orgId is required with the platform token/),
  ]);
});
