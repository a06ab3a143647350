import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ADMIN_TOKEN, createAccessTestApp } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { newTestKeyPair, testIdpMetadata } from '@provisio/saml/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const cwd = dirname(createRequire(import.meta.url).resolve('@provisio/cli/package.json'));
const dir = mkdtempSync(join(tmpdir(), 'provisio-cli-sso-'));
// Ends in 10 days: the certificate warning shows.
const metadata = testIdpMetadata('https://idp.test/realm', 'https://idp.test/sso', [newTestKeyPair(10).der]);
let app: AccessTestApp;
let url: string;
beforeAll(async () => {
  app = await createAccessTestApp();
  url = `http://127.0.0.1:${await app.server.start(0)}`;
});
afterAll(async () => {
  await app.server.stop(100);
  await app.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

type Run = { code: number; stdout: string; stderr: string };

/** Runs the real CLI process (as `pnpm cli` does). */
function cli(env: Record<string, string>, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/index.ts', ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', PROVISIO_URL: url, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it('sso show, set-idp (file and URL), settings with mapping, domains, and the warnings', async () => {
  const org = await app.newOrg();
  const asAdmin = { PROVISIO_TOKEN: org.adminToken };
  const sso = (...args: string[]) => cli(asAdmin, ['sso', ...args]);

  const empty = await sso('show');
  expect(empty.code).toBe(0);
  expect(empty.stdout).toContain(`ACS URL       http://provisio.test/sso/saml/${org.orgId}/acs`);
  expect(empty.stdout).toContain(`SP metadata   http://provisio.test/sso/saml/${org.orgId}/metadata`);
  expect(empty.stdout).toContain('IdP: not set up');

  expect(await sso('set-idp')).toMatchObject({ code: 2, stderr: expect.stringMatching(/exactly one of/) });
  const file = join(dir, 'idp.xml');
  writeFileSync(file, metadata);
  const loaded = await sso('set-idp', '--metadata-file', file);
  expect(loaded.code).toBe(0);
  expect(loaded.stdout).toContain('entity id     https://idp.test/realm');
  expect(loaded.stdout).toMatch(/certificate {3}[0-9A-F:]+ until \d{4}-/);
  expect(loaded.stdout).toMatch(/Warning: The IdP certificate .* expires on/);

  const served = createServer((_req, res) => res.end(metadata));
  await new Promise<void>((resolve) => served.listen(0, '127.0.0.1', resolve));
  try {
    const metadataUrl = `http://127.0.0.1:${(served.address() as AddressInfo).port}/metadata`;
    expect((await sso('set-idp', '--metadata-url', metadataUrl)).stdout).toContain(`metadata URL  ${metadataUrl}`);
  } finally {
    served.close();
  }
  const bad = await sso('set-idp', '--metadata-url', 'http://127.0.0.1:1/none');
  expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/^error: BAD_REQUEST: .*could not be reached/)]);

  const changed = await sso(
    'settings',
    ...['--jit', 'on', '--idp-initiated', 'on', '--email', 'mail', '--given-name', 'firstName'],
    ...['--groups', 'memberOf', '--json'],
  );
  expect(changed.code).toBe(0);
  const view = JSON.parse(changed.stdout) as {
    jitEnabled: boolean;
    connection: { idpInitiated: boolean; mapping: Record<string, string | null> };
  };
  expect(view.jitEnabled).toBe(true);
  expect(view.connection.idpInitiated).toBe(true);
  expect(view.connection.mapping).toEqual({
    email: 'mail',
    givenName: 'firstName',
    familyName: null,
    displayName: null,
    groups: 'memberOf',
  });
  // Absent options stay; `none` clears an attribute.
  const cleared = await sso('settings', '--groups', 'none');
  expect(cleared.stdout).toContain(
    'Mapping: email mail  given-name firstName  family-name none  display-name none  groups none',
  );
  expect(cleared.stdout).toContain('Settings: jit on  sso-required off  idp-initiated on  break-glass none');
  const notAdmin = await sso('settings', '--sso-required', 'on', '--break-glass', org.serviceAccountId);
  expect([notAdmin.code, notAdmin.stderr]).toEqual([1, expect.stringMatching(/not an active admin/)]);
  expect((await sso('settings', '--jit', 'maybe')).code).toBe(2);

  expect((await sso('add-domain', 'Acme.Example')).stdout).toContain('Domains: acme.example (not verified)');
  const verified = await cli({ PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN }, [
    ...['sso', 'verify-domain', 'acme.example', '--org', org.orgId],
  ]);
  expect(verified).toMatchObject({ code: 0, stdout: `acme.example verified for org ${org.orgId}.\n` });
  expect((await sso('show')).stdout).toContain('Domains: acme.example (verified)');
  expect((await sso('remove-domain', 'acme.example')).stdout).toContain('Domains: none');
  expect((await sso('remove-domain', 'acme.example')).stderr).toMatch(/^error: NOT_FOUND/);
});
