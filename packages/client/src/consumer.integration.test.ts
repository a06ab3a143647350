import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const run = promisify(execFile);
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const SERVER_DEPS = /(^|[\\/])(mongoose|ioredis|express|bullmq)([\\/]|$)/m;
let work: string;
let project: string;

/**
 * The client as a team outside this repository gets it: `pnpm pack`, `npm install` of the
 * tarball into an empty project outside the workspace, `tsc --noEmit` on a consumer file.
 */
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'provisio-consumer-'));
  project = join(work, 'project');
  await run('pnpm', ['--filter', '@provisio/client', 'pack', '--pack-destination', work], { cwd: pkgDir, maxBuffer: 64 << 20 });
  const tarball = (await readdir(work)).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack made no tarball');
  await run('mkdir', [project]);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['consumer.ts'] }),
  );
  await copyFile(join(pkgDir, 'src/consumer/consumer.fixture.ts.txt'), join(project, 'consumer.ts'));
  await run('npm', ['install', join(work, tarball), 'typescript@5.9.3', '@types/node@20', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, maxBuffer: 64 << 20 });
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

it('ships compiled JS and one bundled .d.ts that mention no server dependency', async () => {
  const dist = join(project, 'node_modules/@provisio/client/dist');
  expect((await readdir(dist)).sort()).toEqual(['index.d.ts', 'index.js']);
  const dts = await readFile(join(dist, 'index.d.ts'), 'utf8');
  expect(dts).not.toMatch(/mongoose|ioredis|express|bullmq|@provisio\//);
  expect(await readFile(join(dist, 'index.js'), 'utf8')).not.toMatch(/from ["'](mongoose|ioredis|express|bullmq|@provisio\/)/);
});

it('typechecks a consumer using three procedures with precise types (every @ts-expect-error must hold)', async () => {
  const result = await run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project }).catch((e: { stdout: string }) => e);
  expect(result.stdout).toBe('');
});

it('fails to typecheck when the types are wrong, so the check above means something', async () => {
  const broken = join(project, 'broken.ts');
  await writeFile(broken, "import { createProvisioClient } from '@provisio/client';\nconst c = createProvisioClient({ url: 'x', token: 'y' });\nexport const n: number = (await c.users.get.query({ id: 'a' })).userName;\n");
  await writeFile(join(project, 'tsconfig.broken.json'), JSON.stringify({ extends: './tsconfig.json', files: ['broken.ts'] }));
  const result = await run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', join(project, 'tsconfig.broken.json')], { cwd: project }).catch((e: { stdout: string }) => e);
  expect(result.stdout).toMatch(/broken\.ts.*TS2322/);
});

it('installs without mongoose, ioredis, express or bullmq in the dependency tree', async () => {
  const { stdout } = await run('npm', ['ls', '--all', '--parseable'], { cwd: project, maxBuffer: 64 << 20 });
  expect(stdout).toMatch(/@provisio[\\/]client/);
  expect(stdout).not.toMatch(SERVER_DEPS);
});

it('runs: the installed client loads in plain Node and reports an unreachable server as NETWORK', async () => {
  const script = "import { createProvisioClient, isProvisioError } from '@provisio/client';\nconst c = createProvisioClient({ url: 'http://127.0.0.1:1/trpc', token: 'x' });\ntry { await c.system.ping.query(); } catch (e) { process.stdout.write(isProvisioError(e) ? e.code : 'other'); }\n";
  await writeFile(join(project, 'run.mjs'), script);
  const { stdout } = await run(process.execPath, [join(project, 'run.mjs')], { cwd: project });
  expect(stdout).toBe('NETWORK');
});
