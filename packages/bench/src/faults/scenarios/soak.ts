import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startLoad } from '../load.ts';
import { LOOP_MONITOR_RESOLUTION_MS, sample } from '../samples.ts';
import type { Sample } from '../samples.ts';
import { createVerdict } from '../scenario.ts';
import type { ScenarioContext } from '../scenario.ts';

/**
 * Half the sustainable rate for `windows.soak` seconds, sampled every 5 s: after a warm-up
 * (the first fifth), RSS grows < 10 %, the event-loop delay p99 stays < 50 ms, and open
 * handles, database and Redis connections do not grow.
 */
export async function soak(ctx: ScenarioContext) {
  const v = createVerdict('soak');
  const { cluster } = ctx;
  const startedAt = performance.now();
  const samples: Sample[] = [];
  // A control: this process's own delay (it sends the load and runs the balancer) shows what the machine does to any process.
  const harnessLoop = monitorEventLoopDelay({ resolution: LOOP_MONITOR_RESOLUTION_MS });
  harnessLoop.enable();
  const load = startLoad(ctx.orgs, ctx.created, { rate: ctx.sustainable / 2, maxInFlight: 256 });
  while (performance.now() - startedAt < ctx.windows.soak * 1000) {
    await new Promise((r) => setTimeout(r, 5_000));
    samples.push(await sample(cluster, startedAt));
  }
  const figures = await load.stop();
  harnessLoop.disable();
  const warm = samples.filter((s) => s.at >= ctx.windows.soak / 5);
  const first = warm[0];
  const last = warm.at(-1);
  if (!first || !last) throw new Error('the soak took no samples after its warm-up');
  // Compare the warm-up's end with the average of the last three readings: one GC's timing is not growth.
  const tail = warm.slice(-3);
  const mean = (f: (s: Sample) => number) => tail.reduce((a, s) => a + f(s), 0) / tail.length;
  const rssGrowth = mean((s) => s.rssMb) / first.rssMb - 1;
  const loopP99 = Math.max(...warm.map((s) => s.loopP99Ms));
  v.load('', figures);
  v.figure('rss_mb', `${first.rssMb.toFixed(0)}->${mean((s) => s.rssMb).toFixed(0)}`);
  v.figure('rss_growth_pct', rssGrowth * 100);
  v.figure('loop_p99_max_ms', loopP99);
  v.figure('harness_loop_p99ms', harnessLoop.percentile(99) / 1e6 - LOOP_MONITOR_RESOLUTION_MS);
  v.figure('handles', `${first.handles}->${last.handles}`);
  v.figure('db_conns', `${first.dbConnections}->${last.dbConnections}`);
  v.figure('redis_clients', `${first.redisClients}->${last.redisClients}`);
  v.expect(
    figures.fiveXx === 0 && figures.requests === figures.ok,
    `requests failed: ${JSON.stringify(figures.unexpected)}`,
  );
  v.expect(rssGrowth < 0.1, `RSS grew ${(rssGrowth * 100).toFixed(1)} % after warm-up`);
  v.expect(loopP99 < 50, `event-loop delay p99 reached ${loopP99.toFixed(1)} ms`);
  v.expect(
    Math.max(...tail.map((s) => s.handles)) <= first.handles + 4,
    `open handles grew ${first.handles} -> ${last.handles}`,
  );
  v.expect(
    Math.max(...tail.map((s) => s.dbConnections)) <= first.dbConnections + 2,
    `database connections grew ${first.dbConnections} -> ${last.dbConnections}`,
  );
  v.expect(
    Math.max(...tail.map((s) => s.redisClients)) <= first.redisClients,
    `Redis clients grew ${first.redisClients} -> ${last.redisClients}`,
  );
  return v.result;
}
