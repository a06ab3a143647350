export type BenchArgs = {
  /** 1,000 and 10,000 users, a 1,000-user sync, shorter phases: under 5 minutes. */
  quick: boolean;
  /** Users per org (two orgs of this size) for the lookup and users-page phases. */
  sizes: number[];
  /** Users of each Okta-style initial sync. */
  syncUsers: number;
  /** One Okta-style initial sync per concurrency. */
  syncConcurrency: number[];
  /** PATCH operations of the Entra-style incremental sync. */
  entraPatches: number;
  /** Seconds of load per lookup row. */
  lookupSeconds: number;
  /** A sync phase stops starting new work after this many seconds (its figures say how much it did). */
  phaseSeconds: number;
  /** Requests of each type in the per-request cost phase. */
  costRequests: number;
};

const QUICK: BenchArgs = {
  quick: true,
  sizes: [1_000, 10_000],
  syncUsers: 1_000,
  syncConcurrency: [4, 16],
  entraPatches: 300,
  lookupSeconds: 4,
  phaseSeconds: 45,
  costRequests: 50,
};
const FULL: BenchArgs = {
  quick: false,
  sizes: [1_000, 10_000, 100_000],
  syncUsers: 10_000,
  syncConcurrency: [4, 16],
  entraPatches: 1_000,
  lookupSeconds: 10,
  phaseSeconds: 1_800,
  costRequests: 200,
};

export const USAGE = `pnpm bench [--quick] [--sizes=1000,10000,100000] [--sync-users=10000] [--sync-concurrency=4,16]
           [--entra-patches=1000]
           [--lookup-seconds=10] [--phase-seconds=1800] [--cost-requests=200]`;

const positive = (name: string, raw: string) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} takes a whole number above 0 (got "${raw}")\n${USAGE}`);
  return value;
};

/** Flags over the defaults of the mode (`--quick` or full); an unknown flag is an error naming the usage. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args = { ...(argv.includes('--quick') ? QUICK : FULL) };
  for (const arg of argv) {
    const [flag = '', raw = ''] = arg.split('=', 2);
    if (flag === '--quick' || flag === '--') continue;
    if (flag === '--sizes') args.sizes = raw.split(',').map((s) => positive('sizes', s));
    else if (flag === '--sync-users') args.syncUsers = positive('sync-users', raw);
    else if (flag === '--sync-concurrency')
      args.syncConcurrency = raw.split(',').map((s) => positive('sync-concurrency', s));
    else if (flag === '--entra-patches') args.entraPatches = positive('entra-patches', raw);
    else if (flag === '--lookup-seconds') args.lookupSeconds = positive('lookup-seconds', raw);
    else if (flag === '--phase-seconds') args.phaseSeconds = positive('phase-seconds', raw);
    else if (flag === '--cost-requests') args.costRequests = positive('cost-requests', raw);
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  args.sizes = [...new Set(args.sizes)].sort((a, b) => a - b);
  return args;
}
