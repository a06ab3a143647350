#!/usr/bin/env node
// The production build of an app (`pnpm build` runs it in apps/server and apps/worker):
// dist/index.js, one ESM file with source maps, that plain `node` runs.
//   - @provisio/* packages are TypeScript source (Just-in-Time): they are bundled in, so the
//     output never loads .ts at run time and they are build-time (dev) dependencies only.
//   - Third-party packages stay imports, resolved from the app's node_modules at run time;
//     each must be in the app's `dependencies`, or the build fails naming it (that list is
//     exactly what `pnpm deploy --prod` installs).
//   - `--web <dir>` copies the web app's build to dist/web, which the bundled server serves.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({ options: { web: { type: 'string' } } });
const app = process.cwd();
const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
const runtime = new Set(Object.keys(manifest.dependencies ?? {}));
const builtins = new Set(builtinModules);
const undeclared = new Set();

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Bundles @provisio/*; leaves node built-ins and declared third-party packages as imports. */
const thirdPartyExternal = {
  name: 'third-party-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (path.startsWith('@provisio/')) return undefined;
      if (path.startsWith('node:') || builtins.has(path)) return { external: true };
      if (!runtime.has(packageName(path))) undeclared.add(packageName(path));
      return { external: true };
    });
  },
};

const dist = join(app, 'dist');
rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: [join(app, 'src/index.ts')],
  outfile: join(dist, 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  sourcesContent: false,
  plugins: [thirdPartyExternal],
  // Where the bundled server finds the web app (see apps/server/src/web/static-app.ts).
  define: values.web ? { BUNDLED_WEB_DIST: JSON.stringify('./web/') } : {},
  logLevel: 'warning',
});

if (undeclared.size > 0) {
  console.error(
    `${manifest.name}: the bundle imports ${[...undeclared].sort().join(', ')}, which ${manifest.name}'s package.json ` +
      'does not list in "dependencies": add them there (catalog:), so `pnpm deploy --prod` installs them',
  );
  process.exit(1);
}

if (values.web) {
  const web = resolve(app, values.web);
  if (!existsSync(join(web, 'index.html'))) {
    console.error(`${manifest.name}: ${web}/index.html is missing: build the web app first (pnpm build does)`);
    process.exit(1);
  }
  cpSync(web, join(dist, 'web'), { recursive: true });
}
