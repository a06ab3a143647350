import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { afterAll, expect, it } from 'vitest';
import { startServerProcess } from '../processes.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const out = mkdtempSync(join(tmpdir(), 'provisio-deploy-'));
const dbName = `test_deploy_${randomUUID().replaceAll('-', '')}`;
const mongoUri = new URL(process.env['MONGODB_URI'] ?? '');
mongoUri.pathname = `/${dbName}`;

afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  const mongo = await MongoClient.connect(mongoUri.toString());
  await mongo.db(dbName).dropDatabase();
  await mongo.close();
});

it('runs the server from a `pnpm deploy --prod` directory: its bundle and production dependencies only', async () => {
  // What the Dockerfile does, from the lockfile and the local store. `--prefer-offline`, not the
  // image's `--offline`: a legacy deploy resolves the app's dependencies again, and on a fresh
  // machine (store filled by a frozen `pnpm install` alone) `--offline` exited 1 without a message;
  // every package it installs is in the store, so only what that resolution asks comes from the registry.
  const dir = join(out, 'server');
  await promisify(execFile)(
    'pnpm',
    ['--filter', '@provisio/server', 'deploy', '--prod', '--legacy', '--prefer-offline', dir],
    {
      cwd: ROOT,
    },
  );
  const installed = readdirSync(join(dir, 'node_modules/.pnpm'));
  expect(installed.filter((name) => /^(tsx|vitest|esbuild|vite|@esbuild)@/.test(name))).toEqual([]);
  expect(existsSync(join(dir, 'node_modules/@provisio')), 'workspace packages are bundled, not installed').toBe(false);
  expect(existsSync(join(dir, 'src')), 'no TypeScript source ships').toBe(false);

  const server = await startServerProcess(
    {
      MONGODB_URI: mongoUri.toString(),
      REDIS_URL: process.env['REDIS_URL'] ?? '',
      QUEUE_NAME: `test-deploy-${randomUUID()}`,
      PROVISIO_ADMIN_TOKEN: randomBytes(32).toString('base64url'),
    },
    dir,
  );
  try {
    const page = await fetch(`${server.baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  } finally {
    expect(await server.kill('SIGTERM')).toBe(0);
  }
}, 180_000);
