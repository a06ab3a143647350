#!/usr/bin/env node
// The import-direction check (`make test` runs it). It reads every TypeScript source file of
// the workspace and fails when:
//   - a file imports a workspace package its package.json does not declare;
//   - a package declares a workspace package it never imports;
//   - a relative import leaves its own package (packages talk through their names only);
//   - a library under packages/ depends on an app under apps/ (only the end-to-end harness,
//     packages/e2e, may start apps), or an app depends on another app;
//   - the workspace packages' imports form a cycle.
// It prints the dependency graph it found, so a reviewer sees the layering at a glance.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const harnesses = new Set(['@provisio/e2e']);

function workspacePackages() {
  return ['apps', 'packages'].flatMap((group) =>
    readdirSync(join(root, group)).flatMap((name) => {
      const dir = join(root, group, name);
      let manifest;
      try {
        manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      } catch {
        return [];
      }
      const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }));
      return [{ name: manifest.name, dir, isApp: group === 'apps', declared }];
    }),
  );
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules' || entry === 'dist') return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

// Any quoted workspace name counts as a use too (e.g. `require.resolve('@provisio/cli/package.json')`).
const workspaceNamePattern = /['"](@provisio\/[a-z-]+)[^'"]*['"]/g;

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  return {
    specifiers: [...text.matchAll(specifierPattern)].map((match) => match[1]),
    mentioned: [...text.matchAll(workspaceNamePattern)].map((match) => match[1]),
  };
}

const packages = workspacePackages();
const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
const problems = [];
const edges = new Map(packages.map((pkg) => [pkg.name, new Set()]));
const mentions = new Map(packages.map((pkg) => [pkg.name, new Set()]));

for (const pkg of packages) {
  for (const file of sourceFiles(pkg.dir)) {
    const shown = relative(root, file);
    const { specifiers, mentioned } = importsOf(file);
    for (const name of mentioned) mentions.get(pkg.name).add(name);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        if (!(target + sep).startsWith(pkg.dir + sep))
          problems.push(`${shown}: relative import leaves ${pkg.name}: ${specifier}`);
        continue;
      }
      const name = specifier.split('/').slice(0, 2).join('/');
      if (!byName.has(name) || name === pkg.name) continue;
      edges.get(pkg.name).add(name);
      if (!pkg.declared.has(name))
        problems.push(`${shown}: imports ${name}, not declared in ${pkg.name}'s package.json`);
    }
  }
  for (const name of pkg.declared) {
    const dependency = byName.get(name);
    if (dependency && !edges.get(pkg.name).has(name) && !mentions.get(pkg.name).has(name))
      problems.push(`${pkg.name} declares ${name} but never imports it`);
    if (!dependency?.isApp || harnesses.has(pkg.name)) continue;
    problems.push(`${pkg.name} (${pkg.isApp ? 'an app' : 'a library'}) depends on the app ${name}`);
  }
}

function findCycle() {
  const state = new Map();
  const stack = [];
  const visit = (name) => {
    state.set(name, 'open');
    stack.push(name);
    for (const next of edges.get(name)) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(name, 'done');
    return null;
  };
  for (const name of edges.keys()) {
    if (state.has(name)) continue;
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return null;
}

const cycle = findCycle();
if (cycle) problems.push(`import cycle: ${cycle.join(' -> ')}`);

for (const [name, targets] of [...edges].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${name} -> ${[...targets].sort().join(', ') || '(nothing)'}`);
}
if (problems.length > 0) {
  console.error(`\nimport direction: ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log('\nimport direction: ok (declared dependencies, no library depends on an app, no cycles)');
