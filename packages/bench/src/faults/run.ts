import { loadavg } from 'node:os';
import type { FaultArgs, ScenarioName } from './args.ts';
import { startCluster } from './cluster.ts';
import { settle } from './invariants.ts';
import { prepareOrg } from './load.ts';
import type { CreatedUsers } from './load.ts';
import { renderLine } from './scenario.ts';
import type { ScenarioContext, ScenarioResult } from './scenario.ts';
import { dbDown } from './scenarios/db-down.ts';
import { overload } from './scenarios/overload.ts';
import { redisDown } from './scenarios/redis-down.ts';
import { twoReplicas } from './scenarios/replicas.ts';
import { serverSigterm, workerSigterm } from './scenarios/sigterm.ts';
import { smtpDown } from './scenarios/smtp-down.ts';
import { soak } from './scenarios/soak.ts';
import { measureSustainable } from './sustainable.ts';

const RUNNERS: Record<ScenarioName, (ctx: ScenarioContext) => Promise<ScenarioResult>> = {
  'two-replicas': twoReplicas,
  'db-down': dbDown,
  'server-sigterm': serverSigterm,
  'worker-sigterm': workerSigterm,
  'redis-down': redisDown,
  'smtp-down': smtpDown,
  overload,
  soak,
};

const load1 = () => loadavg()[0]?.toFixed(2) ?? '?';

/**
 * Starts two server replicas and two workers behind the balancer, two orgs with seeded users,
 * measures the sustainable rate, then runs each scenario in turn on that cluster (a scenario
 * restarts what it stopped). Each result's line goes to `print` as soon as it is known.
 */
export async function runFaults(
  args: Pick<FaultArgs, 'scenarios' | 'windows' | 'measureSeconds'>,
  print: (line: string) => void,
  log: (line: string) => void,
) {
  const cluster = await startCluster({ servers: 2, workers: 2 });
  const results: ScenarioResult[] = [];
  try {
    const created: CreatedUsers = new Map();
    const orgs = [
      await prepareOrg(cluster.balancerUrl, 'Okta Org A', 12, created),
      await prepareOrg(cluster.balancerUrl, 'Okta Org B', 12, created),
    ];
    await settle(cluster, created, args.windows.settle * 1000);
    const measured = await measureSustainable(orgs, created, args.measureSeconds);
    const sustainable = Math.max(4, measured.perSecond);
    print(
      `sustainable     ${sustainable.toFixed(1)} req/s (Okta mix, 8 closed-loop clients, ${args.measureSeconds} s, p99 ${measured.figures.p99.toFixed(0)} ms), load average ${load1()}`,
    );
    const ctx: ScenarioContext = { cluster, orgs, created, sustainable, windows: args.windows, log };
    for (const name of args.scenarios) {
      log(`${name}: starting (load average ${load1()})`);
      const result = await RUNNERS[name](ctx).catch((error: unknown): ScenarioResult => ({
        name,
        failures: [`aborted: ${String(error)}`],
        figures: {},
      }));
      result.figures['load1'] = load1();
      results.push(result);
      print(renderLine(result));
      // The next scenario starts on a whole cluster, whatever this one left stopped.
      await restoreAll(ctx);
    }
  } finally {
    await cluster.stop();
  }
  return results;
}

async function restoreAll({ cluster }: ScenarioContext) {
  await cluster.dbProxy.restore();
  await cluster.redis.start().catch(() => undefined);
  await cluster.smtp.setMode('up');
  for (const r of [...cluster.replicas]) if (!r.proc.alive()) await cluster.restartServer(r);
  for (const w of [...cluster.workers]) if (!w.proc.alive()) await cluster.restartWorker(w);
}
