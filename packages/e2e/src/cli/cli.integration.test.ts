import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { ADMIN_TOKEN, keySecretOf } from '@provisio/server/auth-testing';
import { startBuiltServer } from '../processes.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The CLI package's directory: the CLI runs from there as `pnpm cli` does. */
const cwd = dirname(createRequire(import.meta.url).resolve('@provisio/cli/package.json'));
let server: Awaited<ReturnType<typeof startBuiltServer>>;
let url: string;

beforeAll(async () => {
  // The built server, as `pnpm start` runs it: the CLI talks to what ships.
  server = await startBuiltServer(ADMIN_TOKEN);
  url = server.url;
});
afterAll(async () => {
  await server.stop();
});

type Run = { code: number; stdout: string; stderr: string };

/** Runs the real CLI process (as `pnpm cli` does) against the test server. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/index.ts', ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', PROVISIO_URL: url, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('pnpm cli', () => {
  let orgId: string;
  let scimToken: string;

  it('org create --json prints exactly {org:{id}, scim:{baseUrl, token}}, and the token works for SCIM', async () => {
    const run = await cli(['org', 'create', '--name', 'Acme CLI', '--plan', 'enterprise', '--json'], {
      PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = JSON.parse(run.stdout) as { org: { id: string }; scim: { baseUrl: string; token: string } };
    expect(Object.keys(out)).toEqual(['org', 'scim']);
    expect(Object.keys(out.org)).toEqual(['id']);
    expect(Object.keys(out.scim)).toEqual(['baseUrl', 'token']);
    expect(out.scim.baseUrl).toBe(`${url}/scim/v2`);
    expect(out.scim.token).toMatch(/^pvk_/);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    orgId = out.org.id;
    scimToken = out.scim.token;
    const scim = await fetch(`${url}/scim/v2/Users`, { headers: { authorization: `Bearer ${scimToken}` } });
    expect(scim.status).toBe(200);
  });

  it('fails with one clear line and a non-zero exit', async () => {
    const wrongToken = await cli(['org', 'create', '--name', 'Nope'], { PROVISIO_ADMIN_TOKEN: 'not-the-admin-token' });
    expect(wrongToken.code).toBe(1);
    expect(wrongToken.stdout).toBe('');
    expect(wrongToken.stderr).toMatch(/^error: UNAUTHORIZED: The bearer token is invalid\n$/);
    const duplicate = await cli(['org', 'create', '--name', 'acme cli'], { PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN });
    expect([duplicate.code, duplicate.stderr]).toEqual([
      1,
      expect.stringMatching(/^error: CONFLICT: org name is already taken[^\n]*\n$/),
    ]);
    const unreachable = await cli(['key', 'list'], { PROVISIO_URL: 'http://127.0.0.1:1', PROVISIO_TOKEN: scimToken });
    expect([unreachable.code, unreachable.stderr]).toEqual([
      1,
      expect.stringMatching(/^error: cannot reach http:\/\/127\.0\.0\.1:1[^\n]*\n$/),
    ]);
    const unknown = await cli(['org', 'explode']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringMatching(/^error: unknown command[^\n]*\n$/)]);
    const noToken = await cli(['key', 'list']);
    expect([noToken.code, noToken.stderr]).toEqual([2, expect.stringMatching(/PROVISIO_TOKEN is not set/)]);
  });

  it('--help lists every command with an example', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of [
      'org create',
      'org set-plan',
      'org settings',
      'service-account create',
      'service-account list',
      'key create',
      'key list',
      'key revoke',
      'user list',
      'user get',
      'audit list',
      'brake status',
      'brake held',
      'brake release',
      'brake set',
      'roles list',
      'roles save',
      'roles delete',
      'roles map',
      'roles unmap',
      'sso show',
      'sso set-idp',
      'sso settings',
      'sso verify-domain',
    ]) {
      expect(run.stdout).toContain(`  ${command} `);
    }
    expect(run.stdout.match(/e\.g\. pnpm cli/g)?.length).toBeGreaterThanOrEqual(11);
  });

  it('defines a role and maps a pushed group to it', async () => {
    const admin = JSON.parse(
      (await cli(['org', 'admin-key', '--org', orgId, '--json'], { PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN })).stdout,
    ) as { token: string };
    const env = { PROVISIO_TOKEN: admin.token };
    const pushed = await fetch(`${url}/scim/v2/Groups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scimToken}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Engineering' }),
    });
    const group = (await pushed.json()) as { id: string };
    const saved = await cli(['roles', 'save', '--name', 'Engineer', '--rank', '10', '--json'], env);
    const role = JSON.parse(saved.stdout) as { id: string };
    expect((await cli(['roles', 'map', '--group', group.id, '--role', 'admin', '--org-role', role.id], env)).code).toBe(
      2,
    );
    expect((await cli(['roles', 'map', '--group', group.id, '--org-role', role.id], env)).code).toBe(0);
    expect((await cli(['roles', 'list'], env)).stdout).toMatch(/Engineering\s+→ Engineer/);
    expect((await cli(['roles', 'delete', '--id', role.id], env)).code).not.toBe(0);
    expect((await cli(['roles', 'unmap', '--group', group.id], env)).stdout).toMatch(/unmapped/);
    expect((await cli(['roles', 'delete', '--id', role.id], env)).stdout).toMatch(/deleted/);
  });

  it('manages service accounts, keys, settings, users and the ledger with an org key', async () => {
    const admin = JSON.parse(
      (await cli(['org', 'admin-key', '--org', orgId, '--json'], { PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN })).stdout,
    ) as { token: string };
    const env = { PROVISIO_TOKEN: admin.token };
    const account = JSON.parse((await cli(['service-account', 'create', '--name', 'entra', '--json'], env)).stdout) as {
      id: string;
    };
    expect((await cli(['service-account', 'list'], env)).stdout).toMatch(/entra/);
    const created = await cli(
      ['key', 'create', '--owner', account.id, '--scope', 'scim', '--name', 'entra', '--json'],
      env,
    );
    const { key, token } = JSON.parse(created.stdout) as { key: { id: string }; token: string };
    const listed = await cli(['key', 'list', '--all'], env);
    expect(listed.stdout).toContain(key.id);
    expect(listed.stdout).not.toContain(keySecretOf(token));
    expect((await cli(['key', 'revoke', '--id', key.id], env)).stdout).toMatch(/^Revoked key/);
    expect((await fetch(`${url}/scim/v2/Users`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await cli(['org', 'settings', '--saml-jit', 'on', '--json'], env)).stdout).toMatch(/"samlJitEnabled":true/);
    const mapped = await cli(['org', 'settings', '--role-map', 'IT Admins=admin', '--role-map', 'a=b=standard'], env);
    expect(mapped.stdout).toContain('role-map: "IT Admins"=admin, "a=b"=standard');
    expect((await cli(['org', 'settings', '--role-map', 'Admins'], env)).code).toBe(2);
    expect((await cli(['org', 'settings', '--default-role', 'admin'], env)).code).toBe(2);
    expect((await cli(['org', 'status'], env)).stdout).toMatch(/saml_jit_with_scim/);
    await fetch(`${url}/scim/v2/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scimToken}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'cli.user@example.com',
        active: true,
      }),
    });
    const users = await cli(['user', 'list', '--filter', 'userName eq "cli.user@example.com"', '--json'], env);
    const id = (JSON.parse(users.stdout) as { items: Array<{ id: string }> }).items[0]?.id ?? '';
    expect((await cli(['user', 'get', '--id', id], env)).stdout).toMatch(/cli\.user@example\.com/);
    expect((await cli(['audit', 'list', '--resource', 'User', '--limit', '5'], env)).stdout).toMatch(
      /scim POST User .*by key [0-9a-f-]{36} /,
    );
    expect(
      (await cli(['org', 'set-plan', '--org', orgId, '--plan', 'pro'], { PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN })).stdout,
    ).toMatch(/plan pro/);
    expect((await cli(['org', 'set-rate-limit', orgId, '400'], { PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN })).stdout).toMatch(
      /may now make 400 requests per second/,
    );
    const tooHigh = await cli(['org', 'set-rate-limit', orgId, '999999'], { PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN });
    expect(tooHigh.code).not.toBe(0);
    expect(tooHigh.stderr).toMatch(/at most 5000 requests per second/);
    // About 20 CLI processes, each starting node with tsx: seconds apiece on a loaded machine.
  }, 180_000);
});
