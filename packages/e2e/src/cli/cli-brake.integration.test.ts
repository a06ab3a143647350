import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createAccessTestApp, deactivateOp, scimUser } from '@provisio/server/auth-testing';
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

it('brake set, status, held and release', async () => {
  const org = await app.newOrg();
  expect(await cli(org.adminToken, ['brake', 'set', '--count', '1', '--percent', '0'])).toMatchObject({
    code: 0,
    stdout: 'Brake threshold: more than 1 users deactivated or deleted within 10 minutes.\n',
  });
  const ids: string[] = [];
  for (const name of ['a', 'b']) {
    const res = await app.scim('post', '/Users', org.scimToken).send(scimUser(`${name}-${org.orgId}@example.com`));
    ids.push(res.body.id as string);
  }
  const codes = [];
  for (const id of ids) codes.push((await app.scim('patch', `/Users/${id}`, org.scimToken).send(deactivateOp)).status);
  expect(codes).toEqual([200, 429]);

  const status = await cli(org.adminToken, ['brake', 'status']);
  expect(status.stdout).toMatch(/^BRAKED since .*held \(429\)/);
  const held = JSON.parse((await cli(org.adminToken, ['brake', 'held', '--json'])).stdout) as {
    braked: boolean;
    items: Array<{ userId: string; action: string }>;
  };
  expect(held).toMatchObject({ braked: true, items: [{ userId: ids[1], action: 'deactivate' }] });
  expect((await cli(org.adminToken, ['brake', 'release'])).stdout).toMatch(/1 held deprovision\(s\) will succeed/);
  expect((await app.scim('patch', `/Users/${ids[1]}`, org.scimToken).send(deactivateOp)).status).toBe(200);
  const again = await cli(org.adminToken, ['brake', 'release']);
  expect([again.code, again.stderr]).toEqual([1, expect.stringMatching(/not engaged/)]);
});
