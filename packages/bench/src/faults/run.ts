import { loadavg } from 'node:os';
import type { FaultArgs, ScenarioName } from './args.ts';
import { startCluster } from './cluster.ts';
import { settle } from './invariants.ts';
import { prepareOrg } from './load.ts';
import type { CreatedUsers } from './load.ts';
import { renderLine } from './scenario.ts';
import type { ScenarioContext, ScenarioResult, Windows } from './scenario.ts';
import { dbDown } from './scenarios/db-down.ts';
import { overload } from './scenarios/overload.ts';
import { redisDown } from './scenarios/redis-down.ts';
import { twoReplicas } from './scenarios/replicas.ts';
import { serverSigterm, workerSigterm } from './scenarios/sigterm.ts';
import { smtpDown } from './scenarios/smtp-down.ts';
import { soak } from './scenarios/soak.ts';
import { measureSustainable } from './sustainable.ts';
import { waitUntil } from './wait.ts';

export const RUNNERS: Record<ScenarioName, (ctx: ScenarioContext) => Promise<ScenarioResult>> = {
  'two-replicas': twoReplicas,
  'db-down': dbDown,
  'server-sigterm': serverSigterm,
  'worker-sigterm': workerSigterm,
  'redis-down': redisDown,
  'smtp-down': smtpDown,
  overload,
  soak,
};

export const load1 = () => loadavg()[0]?.toFixed(2) ?? '?';

/** Longest wait for a scenario's event (a readiness change, answered requests) before it counts as never. */
const EVENT_TIMEOUT_MS = 120_000;

async function hold(seconds: number, until?: () => boolean | Promise<boolean>) {
  await Promise.all([
    new Promise((r) => setTimeout(r, seconds * 1000)),
    until &&
      waitUntil(until, EVENT_TIMEOUT_MS).then((ms) => {
        if (Number.isNaN(ms))
          throw new Error(`what the scenario waits for did not happen within ${EVENT_TIMEOUT_MS / 1000} s`);
      }),
  ]);
}

/**
 * Two server replicas and two workers behind the balancer, two orgs with seeded (and mailed)
 * users: what every scenario runs on. `sustainable` is measured (pnpm faults) or given (make test).
 */
export async function prepareRun(options: {
  windows: Windows;
  timed: boolean;
  sustainable: number | { measureSeconds: number };
  log: (line: string) => void;
}) {
  const cluster = await startCluster({ servers: 2, workers: 2 });
  try {
    const created: CreatedUsers = new Map();
    const orgs = [
      await prepareOrg(cluster.balancerUrl, 'Okta Org A', 12, created),
      await prepareOrg(cluster.balancerUrl, 'Okta Org B', 12, created),
    ];
    await settle(cluster, created, options.windows.settle * 1000);
    let measured: Awaited<ReturnType<typeof measureSustainable>> | undefined;
    if (typeof options.sustainable !== 'number')
      measured = await measureSustainable(orgs, created, options.sustainable.measureSeconds);
    const ctx: ScenarioContext = {
      cluster,
      orgs,
      created,
      sustainable: measured ? Math.max(4, measured.perSecond) : (options.sustainable as number),
      windows: options.windows,
      hold,
      timed: options.timed,
      log: options.log,
    };
    return { ctx, measured };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/** Runs one scenario and puts back what it left stopped, so the next starts on a whole cluster. */
export async function runScenario(ctx: ScenarioContext, name: ScenarioName): Promise<ScenarioResult> {
  const result = await RUNNERS[name](ctx).catch((error: unknown): ScenarioResult => ({
    name,
    failures: [`aborted: ${String(error)}`],
    figures: {},
  }));
  result.figures['load1'] = load1();
  await restoreAll(ctx);
  return result;
}

/** `pnpm faults`: prepares, measures the sustainable rate, then runs each scenario, printing its line as soon as it is known. */
export async function runFaults(
  args: Pick<FaultArgs, 'scenarios' | 'windows' | 'measureSeconds'>,
  print: (line: string) => void,
  log: (line: string) => void,
) {
  const { ctx, measured } = await prepareRun({
    windows: args.windows,
    timed: true,
    sustainable: { measureSeconds: args.measureSeconds },
    log,
  });
  const results: ScenarioResult[] = [];
  try {
    print(
      `sustainable     ${ctx.sustainable.toFixed(1)} req/s (Okta mix, 8 closed-loop clients, ${args.measureSeconds} s, p99 ${measured?.figures.p99.toFixed(0)} ms), load average ${load1()}`,
    );
    for (const name of args.scenarios) {
      log(`${name}: starting (load average ${load1()})`);
      const result = await runScenario(ctx, name);
      results.push(result);
      print(renderLine(result));
    }
  } finally {
    await ctx.cluster.stop();
  }
  return results;
}

async function restoreAll({ cluster }: ScenarioContext) {
  await cluster.dbProxy.restore();
  await cluster.redis.start();
  await cluster.smtp.setMode('up');
  for (const r of [...cluster.replicas]) if (!r.proc.alive()) await cluster.restartServer(r);
  for (const w of [...cluster.workers]) if (!w.proc.alive()) await cluster.restartWorker(w);
}
