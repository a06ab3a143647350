import type { Windows } from './scenario.ts';

export const SCENARIOS = [
  'two-replicas',
  'db-down',
  'server-sigterm',
  'worker-sigterm',
  'redis-down',
  'smtp-down',
  'overload',
  'soak',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export type FaultArgs = { quick: boolean; scenarios: ScenarioName[]; windows: Windows; measureSeconds: number };

/** The windows. */
const FULL: Windows = { load: 60, dbDown: 20, redisDown: 20, smtpDown: 300, overload: 60, soak: 600, settle: 180 };
/** `--quick`: every scenario, short windows (the soak 2 minutes, as the issue says). */
const QUICK: Windows = { load: 15, dbDown: 12, redisDown: 12, smtpDown: 20, overload: 15, soak: 120, settle: 90 };

export const USAGE = `pnpm faults [--quick] [scenario…]   scenarios: ${SCENARIOS.join(' ')} (default: all)`;

/** `--quick` and scenario names (default all, in the order); anything else is an error naming the usage. */
export function parseFaultArgs(argv: readonly string[]): FaultArgs {
  const quick = argv.includes('--quick');
  const names = argv.filter((a) => a !== '--quick' && a !== '--');
  for (const name of names)
    if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`unknown scenario "${name}"\n${USAGE}`);
  return {
    quick,
    scenarios: names.length ? SCENARIOS.filter((s) => names.includes(s)) : [...SCENARIOS],
    windows: quick ? QUICK : FULL,
    measureSeconds: quick ? 8 : 20,
  };
}
