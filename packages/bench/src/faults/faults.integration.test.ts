import { afterAll, beforeAll, expect, it } from 'vitest';
import { prepareRun, runScenario } from './run.ts';
import { renderLine } from './scenario.ts';
import type { ScenarioContext } from './scenario.ts';

// The short scenarios of `pnpm faults` (docs/operations.md, "Faults and recovery"), so a regression
// fails CI: real server replicas and workers, no window of fixed length (each waits for its event:
// a readiness change, answered requests, mails, a settled queue) and no timing expectation.
let ctx: ScenarioContext;

beforeAll(async () => {
  const prepared = await prepareRun({
    windows: { load: 0, dbDown: 0, redisDown: 0, smtpDown: 0, overload: 0, soak: 0, settle: 50 },
    timed: false,
    // A modest fixed load: make test shares the machine with every other test file.
    sustainable: 8,
    log: () => undefined,
  });
  ctx = prepared.ctx;
}, 240_000);
afterAll(() => ctx?.cluster.stop(), 60_000);

it.each(['two-replicas', 'db-down', 'server-sigterm'] as const)('%s', async (name) => {
  const result = await runScenario(ctx, name);
  process.stdout.write(`faults: ${renderLine(result)}\n`);
  expect(result.failures).toEqual([]);
});
