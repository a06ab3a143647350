import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ADMIN_TOKEN } from '@provisio/server/auth-testing';
import { startBuiltServer } from '../processes.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';

const cwd = dirname(createRequire(import.meta.url).resolve('@provisio/cli/package.json'));
const EXT = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
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
const cli = (args: string[], env: Record<string, string> = {}) =>
  new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/index.ts', ...args],
      { cwd, env: { PATH: process.env['PATH'] ?? '', PROVISIO_URL: url, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

it('pnpm cli schema: register from a file, used over SCIM, changed (hidden), retired', async () => {
  const created = await cli(['org', 'create', '--name', 'Acme schemas', '--json'], {
    PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN,
  });
  const { org, scim } = JSON.parse(created.stdout) as { org: { id: string }; scim: { token: string } };
  const adminKey = await cli(['org', 'admin-key', '--org', org.id, '--json'], { PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN });
  const env = { PROVISIO_TOKEN: (JSON.parse(adminKey.stdout) as { token: string }).token };
  const dir = mkdtempSync(join(tmpdir(), 'provisio-schema-'));
  const file = join(dir, 'acme.json');
  const attributes = [
    { name: 'costCode', type: 'string' },
    { name: 'badge', type: 'string', uniqueness: 'server' },
  ];
  writeFileSync(file, JSON.stringify({ urn: EXT, name: 'Acme', attributes }));

  const registered = await cli(['schema', 'register', '--file', file, '--json'], env);
  expect(registered.stderr).toBe('');
  const schema = JSON.parse(registered.stdout) as { id: string };
  const user = await fetch(`${url}/scim/v2/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${scim.token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', EXT],
      userName: 'cli.ext@example.com',
      [EXT]: { costCode: 'C1', badge: 'B1' },
    }),
  });
  expect(((await user.json()) as Record<string, unknown>)[EXT]).toEqual({ costCode: 'C1', badge: 'B1' });

  writeFileSync(file, JSON.stringify(attributes.slice(0, 1)));
  const changed = await cli(['schema', 'change', schema.id, '--file', file], env);
  expect(changed.stdout).toMatch(/costCode: string\n {2}hidden \(values kept\): badge/);
  expect((await cli(['schema', 'list'], env)).stdout).toContain(`${EXT} (${schema.id}) "Acme" active, version 2`);
  expect((await cli(['schema', 'retire', schema.id], env)).stdout).toMatch(/^Retired .*its values are kept/);
  const bad = await cli(['schema', 'register', '--file', join(dir, 'missing.json')], env);
  expect([bad.code, bad.stderr]).toEqual([
    2,
    expect.stringMatching(/cannot read .*missing.json: ENOENT: no such file/),
  ]);
});
