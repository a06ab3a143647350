import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createAccessTestApp, scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const cwd = dirname(createRequire(import.meta.url).resolve('@provisio/cli/package.json'));
let app: AccessTestApp;
let url: string;
beforeAll(async () => {
  app = await createAccessTestApp();
  url = `http://127.0.0.1:${await app.server.start(0)}`;
});
afterAll(async () => {
  await app.server.stop(100);
  await app.cleanup();
});

/** Runs the real CLI process (as `pnpm cli` does) with an org key. */
function cli(token: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/index.ts', ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', PROVISIO_URL: url, PROVISIO_TOKEN: token } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it('scim doctor prints each key with its counts, last errors and hints (and the same as JSON)', async () => {
  const org = await app.newOrg();
  expect((await cli(org.adminToken, ['scim', 'doctor', '--org', org.orgId])).stdout).toMatch(/^No SCIM requests since/);
  for (const userName of ['ada@acme.example', 'Ada@acme.example', 'ADA@acme.example', 'ada@ACME.example'])
    await app.scim('post', '/Users', org.scimToken).send(scimUser(userName));
  await app.server.traffic.flush();

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
