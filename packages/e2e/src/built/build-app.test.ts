import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';

const BUILD = resolve(import.meta.dirname, '../../../../scripts/build-app.mjs');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A throwaway app: its package.json's dependencies and its src/index.ts. */
function app(dependencies: Record<string, string>, source: string) {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-build-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@provisio/throwaway', dependencies }));
  writeFileSync(join(dir, 'src/index.ts'), source);
  return dir;
}

const build = (cwd: string) =>
  promisify(execFile)(process.execPath, [BUILD], { cwd }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );

it('fails, naming the package, when the bundle imports one the app does not declare', async () => {
  const dir = app(
    { pino: '1.0.0' },
    "import pino from 'pino';\nimport mongoose from 'mongoose';\nconsole.log(pino, mongoose);\n",
  );
  const { code, stderr } = await build(dir);
  expect(code).toBe(1);
  expect(stderr).toContain('the bundle imports mongoose, which');
  expect(stderr).not.toMatch(/imports [^,]*pino/);
});

it('leaves declared packages and node built-ins as imports, with a source map', async () => {
  const dir = app(
    { pino: '1.0.0' },
    "import { join } from 'node:path';\nimport pino from 'pino';\nconsole.log(join, pino);\n",
  );
  expect(await build(dir)).toEqual({ code: 0, stderr: '' });
  const out = readFileSync(join(dir, 'dist/index.js'), 'utf8');
  expect(out).toMatch(/from "pino"/);
  expect(out).toMatch(/from "node:path"/);
  expect(out).toMatch(/sourceMappingURL=index\.js\.map/);
});
