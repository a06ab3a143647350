import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createHttp } from '../../http.ts';
import { filterUserName, OKTA_HEADERS } from '../../phases/scim-bodies.ts';
import { histogramBuckets, histogramTotals, quantileBetween } from '../../prom-text.ts';
import type { Buckets } from '../../prom-text.ts';
import { percentile } from '../../stats.ts';
import type { Cluster } from '../cluster.ts';
import { startLoad, summarizeOutcomes } from '../load.ts';
import { LOOP_MONITOR_RESOLUTION_MS, sample } from '../samples.ts';
import { createVerdict } from '../scenario.ts';
import type { ScenarioContext } from '../scenario.ts';

/** Latencies of `n` lookups one after another (the service's answer time when it is not loaded). */
async function quietLookups(ctx: ScenarioContext, n: number) {
  const org = ctx.orgs[0];
  if (!org) throw new Error('no org');
  const scim = createHttp(`${ctx.cluster.balancerUrl}/scim/v2`, {
    authorization: `Bearer ${org.scimToken}`,
    ...OKTA_HEADERS,
  });
  const ms: number[] = [];
  for (let i = 0; i < n; i++)
    ms.push((await scim.send('GET', filterUserName(org.seededNames[i % org.seededNames.length] ?? ''))).ms);
  scim.close();
  return percentile(ms, 0.5);
}

/** Admitted (2xx) SCIM requests in a server's latency histogram: a 429 is answered in no time and would hide their latency. */
const admittedScim = (labels: Record<string, string>) =>
  /^2\d\d$/.test(labels['status'] ?? '') && (labels['route'] ?? '').startsWith('/scim/');

/** What the servers measured so far for admitted SCIM requests, from arrival at the server to the answer. */
async function serverTime(cluster: Cluster) {
  let sum = 0;
  let count = 0;
  const buckets: Buckets = new Map();
  /** How long admitted SCIM requests waited for admission (the rest of their time they ran). */
  const waited: Buckets = new Map();
  /** Per `METHOD route`, to say which requests make the tail. */
  const byRoute = new Map<string, Buckets>();
  for (const r of cluster.replicas) {
    const all = await fetch(r.metricsUrl).then((res) => res.text());
    const admitted = all
      .split('\n')
      .filter((line) => /status="2\d\d"/.test(line) && line.includes('route="/scim/'))
      .join('\n');
    for (const [le, n] of histogramBuckets(all, 'provisio_admission_wait_seconds', (l) => l['surface'] === 'scim'))
      waited.set(le, (waited.get(le) ?? 0) + n);
    for (const t of histogramTotals(admitted, 'http_request_duration_seconds').values()) {
      sum += t.sum;
      count += t.count;
    }
    for (const [le, n] of histogramBuckets(all, 'http_request_duration_seconds', admittedScim))
      buckets.set(le, (buckets.get(le) ?? 0) + n);
    for (const [le, n] of histogramBuckets(all, 'provisio_admission_wait_seconds', (l) => l['surface'] === 'scim'))
      waited.set(le, (waited.get(le) ?? 0) + n);
    for (const t of histogramTotals(admitted, 'http_request_duration_seconds').keys()) {
      const [method, route] = t.split(' ');
      const mine = histogramBuckets(
        all,
        'http_request_duration_seconds',
        (l) => admittedScim(l) && l['method'] === method && l['route'] === route,
      );
      const into = byRoute.get(t) ?? new Map<number, number>();
      for (const [le, n] of mine) into.set(le, (into.get(le) ?? 0) + n);
      byRoute.set(t, into);
    }
  }
  return { sum, count, buckets, waited, byRoute };
}

/**
 * Twice the sustainable rate for `windows.overload` seconds: admitted requests' latency
 * stays bounded, no 5xx, memory stays bounded, and the service answers as fast as before at once afterwards.
 */
export async function overload(ctx: ScenarioContext) {
  const v = createVerdict('overload');
  const { cluster } = ctx;
  const before = await quietLookups(ctx, 10);
  const startedAt = performance.now();
  const rss0 = (await sample(cluster, startedAt)).rssMb;
  let rssMax = rss0;
  const sampler = setInterval(
    () => void sample(cluster, startedAt).then((s) => (rssMax = Math.max(rssMax, s.rssMb))),
    2_000,
  );
  const inside0 = await serverTime(cluster);
  // This process sends the load and runs the balancer: its own delay is part of what it measures.
  const harnessLoop = monitorEventLoopDelay({ resolution: LOOP_MONITOR_RESOLUTION_MS });
  harnessLoop.enable();
  const load = startLoad(ctx.orgs, ctx.created, { rate: ctx.sustainable * 2, maxInFlight: 1_000 });
  await new Promise((r) => setTimeout(r, ctx.windows.overload * 1000));
  const figures = await load.stop();
  harnessLoop.disable();
  clearInterval(sampler);
  const inside1 = await serverTime(cluster);
  // Inside the servers vs at the client: the difference waited before a server read the request.
  v.figure('harness_loop_p99ms', harnessLoop.percentile(99) / 1e6 - LOOP_MONITOR_RESOLUTION_MS);
  v.figure(
    'server_admitted_mean_ms',
    ((inside1.sum - inside0.sum) / Math.max(1, inside1.count - inside0.count)) * 1000,
  );
  // The servers' histogram bound the p99 falls under (their buckets end at 5 s: Infinity is above).
  const serverP99Ms = quantileBetween(inside0.buckets, inside1.buckets, 0.99) * 1000;
  v.figure('server_admitted_p99ms_le', serverP99Ms);
  v.figure('server_admission_wait_p99ms_le', quantileBetween(inside0.waited, inside1.waited, 0.99) * 1000);
  const routeP99 = [...inside1.byRoute].map(
    ([route, after]) =>
      `${route.replace('/scim/v2', '')}:${quantileBetween(inside0.byRoute.get(route) ?? new Map<number, number>(), after, 0.99)}`,
  );
  v.figure('server_p99s_by_route', routeP99.join(',').replaceAll(' ', '_'));
  const admittedOutcomes = load.outcomes.filter((o) => o.status >= 200 && o.status < 300);
  const admitted = summarizeOutcomes(admittedOutcomes, figures.seconds);
  // The client view split: waiting in the client for one of its sockets, then sent (balancer + server).
  const sentP99 = percentile(
    admittedOutcomes.map((o) => o.ms - o.queuedMs),
    0.99,
  );
  const clientQueueP99 = percentile(
    admittedOutcomes.map((o) => o.queuedMs),
    0.99,
  );
  const after = await quietLookups(ctx, 10);
  v.figure('offered_rps', ctx.sustainable * 2);
  v.load('', figures);
  v.figure('admitted_rps', admitted.perSecond);
  v.figure('admitted_p99ms', admitted.p99);
  v.figure('admitted_sent_p99ms', sentP99);
  v.figure('client_queue_p99ms', clientQueueP99);
  v.figure('rejected_429', figures.unexpected['429'] ?? 0);
  v.figure('rss_mb', `${rss0.toFixed(0)}->${rssMax.toFixed(0)}`);
  v.figure('quiet_p50ms', `${before.toFixed(1)}->${after.toFixed(1)}`);
  v.expect(figures.fiveXx === 0, `${figures.fiveXx} x 5xx`);
  v.expect(figures.unexpected['0'] === undefined, `${figures.unexpected['0']} requests got no answer`);
  // Bounded: an admitted request waits no longer than a client's usual timeout, whatever the offered
  // load, once sent: inside the servers, and from the moment it left the client. The time a request
  // waited in the client for a socket (it opens at most maxSockets) is the client's own queue.
  v.expect(serverP99Ms <= 5_000, `admitted p99 inside the servers above ${serverP99Ms} ms (at most 5 s)`);
  v.expect(sentP99 <= 5_000, `admitted p99 once sent ${sentP99.toFixed(0)} ms (at most 5 s)`);
  v.expect(rssMax <= rss0 * 1.5 + 50, `memory grew from ${rss0.toFixed(0)} to ${rssMax.toFixed(0)} MB`);
  v.expect(
    after <= Math.max(before * 3, before + 20),
    `a quiet lookup took ${after.toFixed(1)} ms after, ${before.toFixed(1)} ms before`,
  );
  return v.result;
}
