import type { Cluster } from './cluster.ts';
import type { CreatedUsers, LoadFigures, LoadOrg } from './load.ts';

/** Seconds of each window; `--quick` shortens them (see args.ts). */
export type Windows = {
  load: number;
  dbDown: number;
  redisDown: number;
  smtpDown: number;
  overload: number;
  soak: number;
  /** Longest wait for mails and the queue to settle after a fault. */
  settle: number;
};

export type ScenarioContext = {
  cluster: Cluster;
  orgs: LoadOrg[];
  created: CreatedUsers;
  /** Requests per second the stack sustained at the start of the run (see sustainable.ts). */
  sustainable: number;
  windows: Windows;
  /**
   * Waits `seconds` (a fault's window, 0 in make test) and until `until` holds (the event the
   * scenario needs: requests answered, a readiness change), whichever comes later.
   */
  hold: (seconds: number, until?: () => boolean | Promise<boolean>) => Promise<void>;
  /** Whether timing expectations apply (pnpm faults); make test checks behaviour only, never time. */
  timed: boolean;
  log: (line: string) => void;
};

export type ScenarioResult = { name: string; failures: string[]; figures: Record<string, string | number> };

/** Collects the figures and the broken expectations of one scenario. */
export function createVerdict(name: string) {
  const result: ScenarioResult = { name, failures: [], figures: {} };
  return {
    result,
    figure(key: string, value: string | number) {
      result.figures[key] = typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(2)) : value;
    },
    expect(ok: boolean, what: string) {
      if (!ok) result.failures.push(what);
    },
    load(prefix: string, f: LoadFigures) {
      this.figure(`${prefix}req`, f.requests);
      this.figure(`${prefix}rps`, f.perSecond);
      this.figure(`${prefix}p50ms`, f.p50);
      this.figure(`${prefix}p99ms`, f.p99);
      this.figure(`${prefix}maxms`, f.max);
      this.figure(`${prefix}5xx`, f.fiveXx);
      const other = Object.entries(f.unexpected)
        .map(([s, n]) => `${s}x${n}`)
        .join(',');
      if (other) this.figure(`${prefix}unexpected`, other);
      if (f.shed) this.figure(`${prefix}shed`, f.shed);
      if (f.retried429) this.figure(`${prefix}retried_429`, f.retried429);
    },
  };
}

/** One line per scenario: name, PASS/FAIL, its figures, then what failed. */
export function renderLine(r: ScenarioResult): string {
  const figures = Object.entries(r.figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const verdict = r.failures.length ? 'FAIL' : 'PASS';
  return `${r.name.padEnd(15)} ${verdict} ${figures}${r.failures.length ? `\n  failed: ${r.failures.join('; ')}` : ''}`;
}
