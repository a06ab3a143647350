// Builds the package for use outside the monorepo (`pnpm pack` runs it): dist/index.js, one
// ESM file with the @provisio/* code it needs (core's zod schemas) inlined, and
// dist/index.d.ts, one declaration file. Third-party packages stay imports: they are the
// package's dependencies. Declarations: tsc emits client, api and core each in one program
// (fast), then rollup-plugin-dts bundles them from the client's entry, keeping only what
// it reaches; `PublicAppRouter` makes sure that is no server code (trpc/trpc#5004).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = fileURLToPath(new URL('../..', import.meta.url));
const external = ['@trpc/client', '@trpc/server', 'eventsource', 'zod'];
const isExternal = (id) => external.some((name) => id === name || id.startsWith(`${name}/`));

await rm(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: join(root, 'dist/index.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
});

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const work = await mkdtemp(join(tmpdir(), 'provisio-client-dts-'));
/** Declarations of one package's sources. TS2742 ("cannot be named") only hits server files the bundle never reaches. */
async function emit(pkg, project) {
  const args = [
    tsc,
    '-p',
    join(packages, pkg, project),
    '--noEmit',
    'false',
    '--declaration',
    '--emitDeclarationOnly',
    '--noEmitOnError',
    'false',
    '--declarationDir',
    join(work, pkg),
  ];
  const result = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 << 20 }).catch((error) => error);
  const errors = String(result.stdout ?? '')
    .split('\n')
    .filter((line) => /error TS/.test(line) && !/error TS2742/.test(line));
  if (errors.length) throw new Error(`tsc ${pkg}:\n${errors.join('\n')}`);
}
await Promise.all([emit('client', 'tsconfig.build.json'), emit('api', 'tsconfig.json'), emit('core', 'tsconfig.json')]);

/** `@provisio/api` and `@provisio/core[/sub]` → their emitted declarations; `./x.ts` → `./x.d.ts`. */
const workspaceDeclarations = {
  name: 'workspace-declarations',
  resolveId(source, importer) {
    const own = /^@provisio\/(api|core)(?:\/(.+))?$/.exec(source);
    if (own) return join(work, own[1], own[2] ? `${own[2]}/index.d.ts` : 'index.d.ts');
    if (importer && source.startsWith('.') && source.endsWith('.ts') && !source.endsWith('.d.ts')) {
      const file = join(importer, '..', source.replace(/\.ts$/, '.d.ts'));
      if (existsSync(file)) return file;
    }
    return null;
  },
};
const bundle = await rollup({
  input: join(work, 'client/index.d.ts'),
  external: (id) => isExternal(id) || id.startsWith('node:'),
  plugins: [workspaceDeclarations, dts({ respectExternal: true })],
  // api's other modules import server packages; the bundle reaches none of them (the consumer test checks).
  onwarn: (warning, warn) => (warning.code === 'UNRESOLVED_IMPORT' ? undefined : warn(warning)),
});
await bundle.write({ file: join(root, 'dist/index.d.ts'), format: 'es' });
await bundle.close();
await rm(work, { recursive: true, force: true });
