import { createHttp } from '../http.ts';
import type { Reply } from '../http.ts';
import { createBenchOrg } from '../orgs.ts';
import { runPool } from '../pool.ts';
import type { Stack } from '../stack.ts';
import { summarize } from '../stats.ts';
import type { LatencySummary } from '../stats.ts';
import { filterUserName, OKTA_HEADERS, oktaDeactivate, oktaUser } from './scim-bodies.ts';

export type RequestFigures = LatencySummary & { errors: number };
export type SyncResult = {
  concurrency: number;
  target: number;
  users: number;
  seconds: number;
  usersPerSecond: number;
  requestsPerSecond: number;
  cpuMsPerRequest: number;
  byType: Record<string, RequestFigures>;
  errors: number;
};

/** Latencies and errors per request type; `ok` says which statuses are expected. */
export function createRecorder() {
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  return {
    record(type: string, reply: Reply, ok: readonly number[]) {
      const list = latencies.get(type) ?? [];
      list.push(reply.ms);
      latencies.set(type, list);
      if (!ok.includes(reply.status)) errors.set(type, (errors.get(type) ?? 0) + 1);
    },
    requests: () => [...latencies.values()].reduce((n, l) => n + l.length, 0),
    errors: () => [...errors.values()].reduce((n, e) => n + e, 0),
    byType: (): Record<string, RequestFigures> =>
      Object.fromEntries([...latencies].map(([type, l]) => [type, { ...summarize(l), errors: errors.get(type) ?? 0 }])),
  };
}

/**
 * Okta's initial sync of `count` new users into a fresh org: for each user `GET
 * filter=userName eq`, then POST when it is not there, and every 10th user a PATCH (Okta
 * deactivates with `replace {active:false}`). Stops starting users after `maxSeconds`.
 */
export async function oktaInitialSync(
  stack: Stack,
  options: { count: number; concurrency: number; maxSeconds: number },
): Promise<SyncResult> {
  const org = await createBenchOrg(stack.baseUrl, `Okta sync c${options.concurrency} ${Date.now()}`);
  const http = createHttp(`${stack.baseUrl}/scim/v2`, { authorization: `Bearer ${org.scimToken}`, ...OKTA_HEADERS });
  const recorder = createRecorder();
  const cpu0 = stack.serverCpuMs();
  const run = await runPool(
    { concurrency: options.concurrency, count: options.count, seconds: options.maxSeconds },
    async (i) => {
      const userName = `okta.${i}@sync.example`;
      const lookup = await http.send('GET', filterUserName(userName));
      recorder.record('GET filter', lookup, [200]);
      if (!lookup.body.includes('"totalResults":0')) return;
      const created = await http.send('POST', '/Users', oktaUser(userName, i));
      recorder.record('POST /Users', created, [201]);
      if (i % 10 !== 0 || created.status !== 201) return;
      const id = (JSON.parse(created.body) as { id: string }).id;
      recorder.record('PATCH deactivate', await http.send('PATCH', `/Users/${id}`, oktaDeactivate), [200, 204]);
    },
  );
  http.close();
  const requests = recorder.requests();
  return {
    concurrency: options.concurrency,
    target: options.count,
    users: run.done,
    seconds: run.seconds,
    usersPerSecond: run.done / run.seconds,
    requestsPerSecond: requests / run.seconds,
    cpuMsPerRequest: (stack.serverCpuMs() - cpu0) / Math.max(1, requests),
    byType: recorder.byType(),
    errors: recorder.errors(),
  };
}
