import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where `name` is installed as seen from `from` (a package's real directory): the pnpm layout puts dependencies beside it. */
async function installedDir(name: string, from: string): Promise<string> {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = basename(dir) === 'node_modules' ? join(dir, name) : join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpath(candidate);
  }
  throw new Error(`${name} is not installed beside ${from}`);
}

type Manifest = {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** What installing a package brings: its dependencies and its required peers (optional ones stay out, as npm and pnpm leave them). */
const needs = (m: Manifest) => [
  ...Object.keys(m.dependencies ?? {}),
  ...Object.keys(m.peerDependencies ?? {}).filter((p) => !m.peerDependenciesMeta?.[p]?.optional),
];

/**
 * Packs each named package and everything it depends on, as installed in this workspace
 * (so as fetched into the local pnpm store), into `${dest}/<name>.tgz`. Returns name → tarball.
 */
async function packInstalled(names: Record<string, string>, dest: string): Promise<Map<string, string>> {
  const tarballs = new Map<string, string>();
  const queue = Object.entries(names);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [name, from] = next;
    if (tarballs.has(name)) continue;
    const dir = await installedDir(name, from);
    const tarball = join(dest, `${name.replace('/', '__')}.tgz`);
    // npm tarballs hold the package under `package/`; hard links become files (pnpm's unpacking leaves them empty).
    await run('tar', [
      '--hard-dereference',
      '-czf',
      tarball,
      '-C',
      dirname(dir),
      '--transform',
      `s,^${basename(dir)},package,`,
      basename(dir),
    ]);
    tarballs.set(name, tarball);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
    for (const dep of needs(manifest)) queue.push([dep, dir]);
  }
  return tarballs;
}

/**
 * Installs `@provisio/client` (the packed tarball) and `tools` (TypeScript, Node's types)
 * into `project` without any registry: every third-party package is a tarball of the copy
 * this workspace installed, pinned by `pnpm.overrides`, and pnpm runs `--offline` against the
 * local store, so anything missing fails instead of being fetched.
 */
export async function installOffline({
  project,
  clientTarball,
  clientDir,
  tools,
  workspaceDir,
}: {
  project: string;
  clientTarball: string;
  clientDir: string;
  tools: string[];
  workspaceDir: string;
}) {
  const { stdout } = await run('tar', ['-xzOf', clientTarball, 'package/package.json']);
  const client = JSON.parse(stdout) as Manifest;
  const roots = {
    ...Object.fromEntries(Object.keys(client.dependencies ?? {}).map((d) => [d, clientDir])),
    ...Object.fromEntries(tools.map((t) => [t, workspaceDir])),
  };
  const tarballs = await packInstalled(roots, dirname(project));
  const file = (path: string) => `file:${path}`;
  const overrides = Object.fromEntries([...tarballs].map(([name, path]) => [name, file(path)]));
  const dependencies = {
    '@provisio/client': file(clientTarball),
    ...Object.fromEntries(tools.map((t) => [t, overrides[t]])),
  };
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies, pnpm: { overrides } }),
  );
  const store = (await run('pnpm', ['store', 'path'], { cwd: workspaceDir })).stdout.trim();
  await run('pnpm', ['install', '--offline', '--store-dir', store, '--ignore-workspace', '--reporter=append-only'], {
    cwd: project,
    maxBuffer: 64 << 20,
  });
}
