import { createHttp } from '../http.ts';
import type { Http } from '../http.ts';
import type { BenchOrg } from '../orgs.ts';
import { runPool } from '../pool.ts';
import type { SeededUser } from '../seed.ts';
import type { Stack } from '../stack.ts';
import { summarize } from '../stats.ts';
import type { LatencySummary } from '../stats.ts';

export type LoadFigures = LatencySummary & { requestsPerSecond: number; errors: number; cpuMsPerRequest: number };
export type LookupRow = {
  size: number;
  lookup: 'filter userName eq' | 'by id';
  stack: LoadFigures;
  baseline: LoadFigures;
  stackToBaseline: number;
};

const CONCURRENCY = 8;

/** `seconds` of load: `path(i)` round robin at CONCURRENCY, with the CPU the answering process used. */
async function load(
  http: Http,
  path: (i: number) => string,
  seconds: number,
  cpuMs: () => number,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const cpu0 = cpuMs();
  const run = await runPool({ concurrency: CONCURRENCY, seconds }, async (i) => {
    const reply = await http.send('GET', path(i));
    latencies.push(reply.ms);
    if (reply.status !== 200 || reply.body.includes('"totalResults":0')) errors++;
  });
  return {
    ...summarize(latencies),
    requestsPerSecond: run.done / run.seconds,
    errors,
    cpuMsPerRequest: (cpuMs() - cpu0) / Math.max(1, run.done),
  };
}

/**
 * Lookup cost at one org size: `GET /Users?filter=userName eq` and `GET /Users/{id}` on our
 * stack, and the same finds on the raw baseline, each for `seconds`, on random seeded users.
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
  const filterPath = () => `/Users?filter=${encodeURIComponent(`userName eq "${pick().userName}"`)}`;
  try {
    // Warm both paths (JIT, pools) before measuring.
    await load(scim, filterPath, 1, stack.serverCpuMs);
    await load(raw, () => `/users?key=${encodeURIComponent(pick().userNameKey)}`, 1, stack.baselineCpuMs);
    const size = users.length;
    const filter = {
      stack: await load(scim, filterPath, seconds, stack.serverCpuMs),
      baseline: await load(
        raw,
        () => `/users?key=${encodeURIComponent(pick().userNameKey)}`,
        seconds,
        stack.baselineCpuMs,
      ),
    };
    const byId = {
      stack: await load(scim, () => `/Users/${pick().id}`, seconds, stack.serverCpuMs),
      baseline: await load(raw, () => `/users/${pick().id}`, seconds, stack.baselineCpuMs),
    };
    return [
      {
        size,
        lookup: 'filter userName eq',
        ...filter,
        stackToBaseline: filter.stack.requestsPerSecond / filter.baseline.requestsPerSecond,
      },
      {
        size,
        lookup: 'by id',
        ...byId,
        stackToBaseline: byId.stack.requestsPerSecond / byId.baseline.requestsPerSecond,
      },
    ];
  } finally {
    scim.close();
    raw.close();
  }
}
