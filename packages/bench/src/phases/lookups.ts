import { createHttp } from '../http.ts';
import type { Http } from '../http.ts';
import type { BenchOrg } from '../orgs.ts';
import { runPool } from '../pool.ts';
import { cpuMsBetween } from '../proc-cpu.ts';
import type { SeededUser } from '../seed.ts';
import type { Stack } from '../stack.ts';
import { summarize } from '../stats.ts';
import type { LatencySummary } from '../stats.ts';

export type LoadFigures = LatencySummary & {
  requestsPerSecond: number;
  errors: number;
  cpuMsPerRequest: number;
  /** FerretDB's and PostgreSQL's CPU per request (absent when the services run from another checkout). */
  databaseCpuMsPerRequest?: number;
};
export type LookupRow = {
  size: number;
  lookup: 'filter userName eq' | 'by id';
  stack: LoadFigures;
  baseline: LoadFigures;
  stackToBaseline: number;
};

const CONCURRENCY = 8;
/** Stack and baseline take turns of this long, so that both see the same machine (runs taken one after the other differed by a third). */
const TURN_SECONDS = 1;
const WARM_SECONDS = 2;

type Side = { http: Http; path: (i: number) => string; cpuMs: () => number };
type Tally = {
  latencies: number[];
  done: number;
  seconds: number;
  errors: number;
  cpu: number;
  db: number | undefined;
};

/** The database's processes and the CPU (ms) each has used so far; undefined when they cannot be found. */
type DatabaseCpu = () => ReadonlyMap<number, number> | undefined;

/** One turn of load on one side: `path(i)` round robin at CONCURRENCY, with the CPU the answering process and the database used. */
async function turn(side: Side, seconds: number, tally: Tally, databaseCpu: DatabaseCpu) {
  const [cpu0, db0] = [side.cpuMs(), databaseCpu()];
  const run = await runPool({ concurrency: CONCURRENCY, seconds }, async (i) => {
    const reply = await side.http.send('GET', side.path(i));
    tally.latencies.push(reply.ms);
    if (reply.status !== 200 || reply.body.includes('"totalResults":0')) tally.errors++;
  });
  const db1 = databaseCpu();
  tally.done += run.done;
  tally.seconds += run.seconds;
  tally.cpu += side.cpuMs() - cpu0;
  tally.db = db0 && db1 && tally.db !== undefined ? tally.db + cpuMsBetween(db0, db1) : undefined;
}

const figuresOf = (t: Tally): LoadFigures => ({
  ...summarize(t.latencies),
  requestsPerSecond: t.done / t.seconds,
  errors: t.errors,
  cpuMsPerRequest: t.cpu / Math.max(1, t.done),
  ...(t.db === undefined ? {} : { databaseCpuMsPerRequest: t.db / Math.max(1, t.done) }),
});

/** `seconds` of load on each side, in turns of TURN_SECONDS. */
async function inTurns(stack: Side, baseline: Side, seconds: number, databaseCpu: DatabaseCpu) {
  const tally = (): Tally => ({ latencies: [], done: 0, seconds: 0, errors: 0, cpu: 0, db: 0 });
  const [s, b] = [tally(), tally()];
  for (let left = seconds; left > 0; left -= TURN_SECONDS) {
    await turn(stack, Math.min(TURN_SECONDS, left), s, databaseCpu);
    await turn(baseline, Math.min(TURN_SECONDS, left), b, databaseCpu);
  }
  return { stack: figuresOf(s), baseline: figuresOf(b) };
}

/**
 * Lookup cost at one org size: `GET /Users?filter=userName eq` and `GET /Users/{id}` on our
 * stack, and the same finds on the raw baseline, each for `seconds` in 1 s turns, on random seeded users.
 */
export async function measureLookups(
  stack: Stack,
  org: BenchOrg,
  users: readonly SeededUser[],
  seconds: number,
): Promise<LookupRow[]> {
  const scim = createHttp(`${stack.baseUrl}/scim/v2`, { authorization: `Bearer ${org.scimToken}` });
  const raw = createHttp(`${stack.baselineUrl}/orgs/${org.orgId}`);
  const pick = () => users[Math.floor(Math.random() * users.length)] ?? { id: '', userName: '', userNameKey: '' };
  const side = (http: Http, path: (i: number) => string, cpuMs: () => number): Side => ({ http, path, cpuMs });
  const filter = {
    stack: side(
      scim,
      () => `/Users?filter=${encodeURIComponent(`userName eq "${pick().userName}"`)}`,
      stack.serverCpuMs,
    ),
    baseline: side(raw, () => `/users?key=${encodeURIComponent(pick().userNameKey)}`, stack.baselineCpuMs),
  };
  const byId = {
    stack: side(scim, () => `/Users/${pick().id}`, stack.serverCpuMs),
    baseline: side(raw, () => `/users/${pick().id}`, stack.baselineCpuMs),
  };
  try {
    // Warm every path (JIT, pools, caches) before measuring: with 1 s of the filter alone, the first
    // size's rows ran cold, for the baseline too (541 req/s at 1,000 users, 1,143 at 100,000).
    for (const pair of [filter, byId]) await inTurns(pair.stack, pair.baseline, WARM_SECONDS, stack.databaseCpu);
    const size = users.length;
    const rows = [
      {
        lookup: 'filter userName eq' as const,
        ...(await inTurns(filter.stack, filter.baseline, seconds, stack.databaseCpu)),
      },
      { lookup: 'by id' as const, ...(await inTurns(byId.stack, byId.baseline, seconds, stack.databaseCpu)) },
    ];
    return rows.map((r) => ({
      size,
      ...r,
      stackToBaseline: r.stack.requestsPerSecond / r.baseline.requestsPerSecond,
    }));
  } finally {
    scim.close();
    raw.close();
  }
}
