import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../services.ts';

export type AppName = 'server' | 'worker';

/**
 * How a Provisio process is started: the app's own `start` script (plain node on the built
 * `dist/`, issue 19), so the suite exercises what ships. Run as node directly, not through
 * pnpm, so the pid is the app's own (signals reach it, /proc shows its RSS).
 */
export function appCommand(app: AppName): { command: string; args: string[]; cwd: string } {
  const cwd = resolve(ROOT, 'apps', app);
  const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = manifest.scripts.start.split(' ');
  if (command !== 'node') throw new Error(`${cwd}: the start script must run node, not ${command}`);
  if (!existsSync(join(cwd, 'dist/index.js')))
    throw new Error(`${cwd}/dist/index.js is missing: run \`pnpm build\` first (make test does)`);
  // `FAULTS_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles every process (Node refuses --cpu-prof in NODE_OPTIONS).
  const extra = (process.env['FAULTS_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  return { command: process.execPath, args: [...extra, ...args], cwd };
}
