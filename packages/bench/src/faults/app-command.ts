import { resolve } from 'node:path';
import { ROOT } from '../services.ts';

export type AppName = 'server' | 'worker';

/**
 * How a Provisio process is started: the one place to change when the apps run from their
 * built output (issue 19's `pnpm start`). Today: node with tsx's loader on the source, as
 * `tsx src/index.ts` does but in one process, so the pid is the app's own (signals reach it, /proc shows its RSS).
 */
export function appCommand(app: AppName): { command: string; args: string[]; cwd: string } {
  return { command: process.execPath, args: ['--import', 'tsx', 'src/index.ts'], cwd: resolve(ROOT, 'apps', app) };
}
