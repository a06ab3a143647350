import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { installOffline } from './consumer/offline-install.ts';

const run = promisify(execFile);
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const SERVER_DEPS = /(^|[\\/])(mongoose|ioredis|express|bullmq)([\\/]|$)/m;
let work: string;
let project: string;

const BASE = { target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false };
/** A Node consumer (the one the README shows) and a browser one: DOM, no Node types, `esnext.disposable` for tRPC's types. */
const NODE_TSCONFIG = {
  compilerOptions: { ...BASE, module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'] },
  files: ['consumer.ts'],
};
const BROWSER_LIB = ['ES2022', 'DOM', 'esnext.disposable'];
const browserTsconfig = (lib: string[]) => ({
  compilerOptions: { ...BASE, module: 'ESNext', moduleResolution: 'Bundler', lib, types: [] },
  files: ['consumer.ts'],
});
const tsc = (config: string) =>
  run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', join(project, config)], {
    cwd: project,
    maxBuffer: 64 << 20,
  }).catch((e: { stdout: string }) => e);

/**
 * The client as a team outside this repository gets it: `pnpm pack`, an install of the
 * tarball into an empty project outside the workspace (offline: third-party packages come
 * from this workspace's local store, never a registry), `tsc --noEmit` on a consumer file.
 */
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'provisio-consumer-'));
  project = join(work, 'project');
  await run('pnpm', ['--filter', '@provisio/client', 'pack', '--pack-destination', work], {
    cwd: pkgDir,
    maxBuffer: 64 << 20,
  });
  const tarball = (await readdir(work)).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack made no tarball');
  await mkdir(project);
  await installOffline({
    project,
    clientTarball: join(work, tarball),
    clientDir: pkgDir,
    tools: ['typescript', '@types/node'],
    workspaceDir: join(pkgDir, '../..'),
  });
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify(NODE_TSCONFIG));
  await writeFile(join(project, 'tsconfig.browser.json'), JSON.stringify(browserTsconfig(BROWSER_LIB)));
  await writeFile(join(project, 'tsconfig.no-disposable.json'), JSON.stringify(browserTsconfig(['ES2022', 'DOM'])));
  await copyFile(join(pkgDir, 'src/consumer/consumer.fixture.ts.txt'), join(project, 'consumer.ts'));
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

it('ships compiled JS and one bundled .d.ts that mention no server dependency', async () => {
  const dist = join(project, 'node_modules/@provisio/client/dist');
  expect((await readdir(dist)).sort()).toEqual(['index.d.ts', 'index.js']);
  const dts = await readFile(join(dist, 'index.d.ts'), 'utf8');
  expect(dts).not.toMatch(/mongoose|ioredis|express|bullmq|@provisio\//);
  expect(await readFile(join(dist, 'index.js'), 'utf8')).not.toMatch(
    /from ["'](mongoose|ioredis|express|bullmq|@provisio\/)/,
  );
});

it('typechecks a consumer using three procedures with precise types (every @ts-expect-error must hold)', async () => {
  expect((await tsc('tsconfig.json')).stdout).toBe('');
});

it('typechecks the same consumer in a browser project: DOM and esnext.disposable, no Node types', async () => {
  expect((await tsc('tsconfig.browser.json')).stdout).toBe('');
});

it("fails in that browser project without esnext.disposable, on tRPC's Disposable types (what the README tells consumers)", async () => {
  const { stdout } = await tsc('tsconfig.no-disposable.json');
  expect(stdout).toMatch(/@trpc[\\/]server.*TS2304: Cannot find name 'Disposable'/);
  expect(
    stdout
      .split('\n')
      .filter((line) => line.includes('error TS'))
      .every((line) => /Cannot find name '(Async)?Disposable'/.test(line)),
  ).toBe(true);
});

it('fails to typecheck when the types are wrong, so the check above means something', async () => {
  const broken = join(project, 'broken.ts');
  await writeFile(
    broken,
    "import { createProvisioClient } from '@provisio/client';\nconst c = createProvisioClient({ url: 'x', token: 'y' });\nexport const n: number = (await c.users.get.query({ id: 'a' })).userName;\n",
  );
  await writeFile(
    join(project, 'tsconfig.broken.json'),
    JSON.stringify({ extends: './tsconfig.json', files: ['broken.ts'] }),
  );
  expect((await tsc('tsconfig.broken.json')).stdout).toMatch(/broken\.ts.*TS2322/);
});

it('installs without mongoose, ioredis, express or bullmq in the dependency tree', async () => {
  const { stdout } = await run('pnpm', ['ls', '--depth', 'Infinity', '--parseable'], {
    cwd: project,
    maxBuffer: 64 << 20,
  });
  expect(stdout).toMatch(/@provisio[\\/]client/);
  expect(stdout).not.toMatch(SERVER_DEPS);
});

it('runs: the installed client loads in plain Node and reports an unreachable server as NETWORK', async () => {
  const script =
    "import { createProvisioClient, isProvisioError } from '@provisio/client';\nconst c = createProvisioClient({ url: 'http://127.0.0.1:1/trpc', token: 'x' });\ntry { await c.system.ping.query(); } catch (e) { process.stdout.write(isProvisioError(e) ? e.code : 'other'); }\n";
  await writeFile(join(project, 'run.mjs'), script);
  const { stdout } = await run(process.execPath, [join(project, 'run.mjs')], { cwd: project });
  expect(stdout).toBe('NETWORK');
});
