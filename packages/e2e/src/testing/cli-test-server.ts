import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { ADMIN_TOKEN, createAccessTestApp } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { afterAll, beforeAll } from 'vitest';

export type CliRun = { code: number; stdout: string; stderr: string };

const cwd = dirname(createRequire(import.meta.url).resolve('@provisio/cli/package.json'));

/**
 * A listening test server for the file (started before its tests, stopped after) and the real
 * CLI process against it, as `pnpm cli` runs it: `cli(orgKey, args)`, or `cliAsPlatform(args)`
 * with the platform admin token only.
 */
export function useCliTestServer() {
  let app: AccessTestApp | undefined;
  let url = '';
  beforeAll(async () => {
    app = await createAccessTestApp();
    url = `http://127.0.0.1:${await app.server.start(0)}`;
  });
  afterAll(async () => {
    await app?.server.stop(100);
    await app?.cleanup();
  });
  const run = (env: Record<string, string>, args: string[]): Promise<CliRun> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/index.ts', ...args],
        { cwd, env: { PATH: process.env['PATH'] ?? '', PROVISIO_URL: url, ...env } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  return {
    app: (): AccessTestApp => {
      if (!app) throw new Error('the CLI test server starts in beforeAll');
      return app;
    },
    cli: (token: string, args: string[]) => run({ PROVISIO_TOKEN: token }, args),
    cliAsPlatform: (args: string[]) => run({ PROVISIO_ADMIN_TOKEN: ADMIN_TOKEN }, args),
  };
}
