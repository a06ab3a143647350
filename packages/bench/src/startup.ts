// `pnpm --filter @provisio/bench bench:startup`: start-up time and idle RSS of the server and
// the worker, run from source through tsx (as `make up` did before the production build) and
// built (`pnpm start`: plain node on dist/; run `pnpm build` first). Runs alternate between the
// two forms, so both see the same machine load. Prints a Markdown table of medians and ranges.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { freePort } from './node-process.ts';
import { ensureTestServices, ROOT, withDatabase } from './services.ts';
import { percentile } from './stats.ts';
import { markdownTable } from './table.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, 'idle-ms': { type: 'string', default: '5000' } },
});
const runs = Number(values.runs);
const idleMs = Number(values['idle-ms']);

const FORMS = { tsx: ['--import', 'tsx', 'src/index.ts'], built: ['--enable-source-maps', 'dist/index.js'] } as const;
type Form = keyof typeof FORMS;
type App = 'server' | 'worker';

const services = ensureTestServices();
const dbName = `bench_startup_${randomUUID().replaceAll('-', '')}`;
const baseEnv = {
  PATH: process.env['PATH'] ?? '',
  MONGODB_URI: withDatabase(services.mongoUri, dbName),
  REDIS_URL: services.redisUrl,
  FERRETDB_POSTGRES_URL: services.ferretPostgresUrl,
  SMTP_URL: 'smtp://127.0.0.1:1',
  QUEUE_NAME: `bench-startup-${randomUUID()}`,
  PROVISIO_ADMIN_TOKEN: 'bench-startup-platform-token-0123456789',
  LOG_LEVEL: 'warn',
};

const rssMbOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** One start: ms from spawn to ready (server /readyz 200, worker /healthz 200), then RSS after `idleMs` idle. */
async function measure(app: App, form: Form): Promise<{ readyMs: number; rssMb: number }> {
  const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
  const readyUrl = app === 'server' ? `http://127.0.0.1:${port}/readyz` : `http://127.0.0.1:${metricsPort}/healthz`;
  const started = performance.now();
  const child = spawn(process.execPath, FORMS[form], {
    cwd: resolve(ROOT, 'apps', app),
    env: {
      ...baseEnv,
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      WORKER_METRICS_PORT: String(metricsPort),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${app} (${form}) exited with ${child.exitCode}`);
      const ok = await fetch(readyUrl).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const readyMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, idleMs));
    return { readyMs, rssMb: rssMbOf(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const results = new Map<string, { readyMs: number[]; rssMb: number[] }>();
for (const app of ['server', 'worker'] as const) {
  // A first start of each form warms the file cache and creates the database's indexes; not counted.
  for (const form of ['tsx', 'built'] as const) await measure(app, form);
  for (let i = 0; i < runs; i++) {
    for (const form of ['tsx', 'built'] as const) {
      const { readyMs, rssMb } = await measure(app, form);
      const entry = results.get(`${app} ${form}`) ?? { readyMs: [], rssMb: [] };
      entry.readyMs.push(readyMs);
      entry.rssMb.push(rssMb);
      results.set(`${app} ${form}`, entry);
    }
  }
}

const mongo = await MongoClient.connect(services.mongoUri);
await mongo.db(dbName).dropDatabase();
await mongo.close();

const range = (xs: number[], digits = 0) =>
  `${percentile(xs, 0.5).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
console.log(`Start-up and idle RSS, ${runs} runs each (median, min–max); RSS read ${idleMs} ms after ready.\n`);
console.log(
  markdownTable(
    ['Process', 'Start to ready, ms', 'Idle RSS, MB'],
    [...results].map(([name, r]) => [name, range(r.readyMs), range(r.rssMb)]),
  ),
);
