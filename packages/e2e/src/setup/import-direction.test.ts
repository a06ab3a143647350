// Dependencies run one way: apps use packages, never the reverse, and no app uses another app.
// Only this package (@provisio/e2e) runs the apps together, so only it may depend on them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');
const RUNS_THE_APPS = '@provisio/e2e';

type Workspace = { name: string; dir: string; deps: string[] };

const workspaces: Workspace[] = ['apps', 'packages'].flatMap((parent) =>
  readdirSync(join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(ROOT, parent, entry.name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | string | undefined>;
      const deps = ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((field) => Object.keys((pkg[field] as Record<string, string> | undefined) ?? {}));
      return { name: pkg['name'] as string, dir, deps };
    }),
);
const apps = workspaces.filter((w) => w.dir.startsWith(join(ROOT, 'apps') + sep));
const appNames = new Set(apps.map((a) => a.name));
const checked = workspaces.filter((w) => w.name !== RUNS_THE_APPS);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
const appOf = (specifier: string) => [...appNames].find((name) => specifier === name || specifier.startsWith(`${name}/`));
const appDirOf = (path: string) => apps.find((a) => path === a.dir || path.startsWith(a.dir + sep));

/** Every import of another app from a workspace's sources, by package name or by relative path. */
function appImports(w: Workspace): string[] {
  return sourceFiles(w.dir).flatMap((file) =>
    [...new Set([...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => m[1] ?? ''))]
      .filter((spec) => {
        const target = spec.startsWith('.') ? appDirOf(resolve(dirname(file), spec))?.name : appOf(spec);
        return target !== undefined && target !== w.name;
      })
      .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
  );
}

describe('import direction', () => {
  it('finds the workspaces and their apps', () => {
    expect([...appNames].sort()).toEqual(['@provisio/cli', '@provisio/server', '@provisio/web', '@provisio/worker']);
  });

  it('no package depends on an app, and no app on another app (package.json)', () => {
    const offending = checked.flatMap((w) => w.deps.filter((d) => appNames.has(d) && d !== w.name).map((d) => `${w.name} depends on ${d}`));
    expect(offending).toEqual([]);
  });

  it('no source file outside the e2e package imports another app', () => {
    expect(checked.flatMap(appImports)).toEqual([]);
  });
});
