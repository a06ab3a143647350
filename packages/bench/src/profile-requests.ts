/**
 * Server CPU per request type of one or more checkouts of this repository (a past commit too),
 * side by side: each checkout's `apps/server` runs as the benchmark starts it (node + tsx,
 * quiet logs; optionally under `--cpu-prof`) on its own fresh database of the test services,
 * and every request is sent to each server in turn, so all of them see the same machine load
 * (on a shared machine, runs taken one after the other differ by ±20 %). CPU is read from /proc.
 *
 *   PROFILE_ROOTS=/work/a,/work/b [PROFILE_DIR=/tmp/prof] [PROFILE_COUNT=300] [PROFILE_ONLY=get] \
 *     MONGODB_URI=… REDIS_URL=… FERRETDB_POSTGRES_URL=… pnpm --filter @provisio/bench profile
 */
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createHttp } from './http.ts';
import type { Http, Reply } from './http.ts';
import { freePort } from './node-process.ts';
import { addMember, filterUserName, OKTA_HEADERS, oktaDeactivate, oktaUser } from './phases/scim-bodies.ts';
import { runPool } from './pool.ts';
import { cpuMsOf } from './proc-cpu.ts';
import { benchServerEnv, PLATFORM_TOKEN } from './stack.ts';
import { createTrpc, dataOf } from './trpc.ts';

const env = process.env;
const roots = (env['PROFILE_ROOTS'] ?? '.').split(',').map((r) => resolve(r));
const count = Number(env['PROFILE_COUNT'] ?? 300);
const only = env['PROFILE_ONLY'];
const profileDir = env['PROFILE_DIR'];
const withDatabase = (uri: string, name: string) => uri.replace(/\/?(\?|$)/, `/${name}$1`);

type Target = {
  root: string;
  pid: number;
  exited: Promise<unknown>;
  http: Http;
  dbName: string;
  ids: string[];
  groupId: string;
};

async function startTarget(root: string, n: number): Promise<Target> {
  const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const dir = profileDir && resolve(profileDir, `${n}-${basename(root)}`);
  const dbName = `prof_${randomUUID().replaceAll('-', '')}`;
  if (dir) mkdirSync(dir, { recursive: true });
  const child = spawn(
    process.execPath,
    [...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []), '--import', 'tsx', 'src/index.ts'],
    {
      cwd: resolve(root, 'apps/server'),
      env: {
        ...env,
        ...benchServerEnv({ port, metricsPort, queueName: `prof-${randomUUID()}` }),
        MONGODB_URI: withDatabase(env['MONGODB_URI'] ?? '', dbName),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const exited = new Promise((r) => child.once('exit', r));
  for (
    let i = 0;
    !(await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    if (i > 900 || child.exitCode !== null) throw new Error(`${root}: the server did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const platform = createTrpc(baseUrl, PLATFORM_TOKEN);
  const created = dataOf(
    await platform.mutation<{ org: { id: string }; scim: { token: string } }>('platform.createOrg', {
      name: `Profile ${Date.now()}`,
      plan: 'enterprise',
    }),
    'platform.createOrg',
  );
  const orgId = created.org.id;
  dataOf(await platform.mutation('platform.setOrgKeyRateLimit', { orgId, keyRateLimit: 5_000 }), 'rate limit');
  const admin = dataOf(await platform.mutation<{ token: string }>('platform.createAdminKey', { orgId }), 'admin');
  // Older commits have no brake: its absence is fine.
  await createTrpc(baseUrl, admin.token).mutation('brake.configure', { percent: 0, count: 0 });
  const http = createHttp(`${baseUrl}/scim/v2`, { authorization: `Bearer ${created.scim.token}`, ...OKTA_HEADERS });
  return { root, pid: child.pid ?? 0, exited, http, dbName, ids: [], groupId: '' };
}

const targets: Target[] = [];
for (const [n, root] of roots.entries()) targets.push(await startTarget(root, n));
const windows: { type: string; from: number; to: number; requests: number }[] = [];
const userName = (i: number) => `prof.${i}@profile.example`;

/** `n` requests of one type to every target (each request to each in turn), CPU per request of each. */
async function measure(type: string, concurrency: number, n: number, send: (t: Target, i: number) => Promise<Reply>) {
  // The phase's window on the monotonic clock, in µs: a --cpu-prof profile's sample times use it too.
  const from = Number(process.hrtime.bigint() / 1000n);
  const cpu0 = targets.map((t) => cpuMsOf(t.pid));
  const errors = new Map<Target, number>();
  const run = await runPool({ concurrency, count: n }, async (i) => {
    for (const target of targets)
      if ((await send(target, i)).status >= 400) errors.set(target, (errors.get(target) ?? 0) + 1);
  });
  windows.push({ type, from, to: Number(process.hrtime.bigint() / 1000n), requests: run.done });
  const cells = targets.map(
    (t, k) => `${((cpuMsOf(t.pid) - (cpu0[k] ?? 0)) / run.done).toFixed(2)} (${errors.get(t) ?? 0})`,
  );
  console.log(`| ${type} | ${run.done} | ${cells.join(' | ')} |`);
}

console.log(`\nCPU ms per request (errors), ${count} of each · ${new Date().toISOString()}`);
console.log(`| request | n | ${roots.join(' | ')} |\n|---|---:|${roots.map(() => '---:').join('|')}|`);
await measure('POST /Users', 4, count, async (t, i) => {
  const reply = await t.http.send('POST', '/Users', oktaUser(userName(i), i));
  if (reply.status === 201) t.ids[i] = (JSON.parse(reply.body) as { id: string }).id;
  return reply;
});
await measure('(warm-up GET)', 4, 200, (t, i) => t.http.send('GET', filterUserName(userName(i % count))));
await measure('GET filter userName eq', 4, 4 * count, (t, i) =>
  t.http.send('GET', filterUserName(userName(i % count))),
);
await measure('GET /Users/{id}', 4, 4 * count, (t, i) => t.http.send('GET', `/Users/${t.ids[i % count] ?? ''}`));
if (only !== 'get') {
  await measure('PATCH deactivate', 4, count, (t, i) =>
    t.http.send('PATCH', `/Users/${t.ids[i] ?? ''}`, oktaDeactivate),
  );
  for (const t of targets) {
    const group = await t.http.send('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `Profile ${Date.now()}`,
      members: [],
    });
    t.groupId = (JSON.parse(group.body) as { id: string }).id;
  }
  await measure('PATCH group member add', 1, count, (t, i) =>
    t.http.send('PATCH', `/Groups/${t.groupId}`, addMember(t.ids[i] ?? '')),
  );
}
for (const t of targets) {
  t.http.close();
  process.kill(t.pid, 'SIGTERM');
}
await Promise.all(targets.map((t) => t.exited));
// Each server's database goes with it: a left-over one holds the machine's disk and cache.
const client = await MongoClient.connect(env['MONGODB_URI'] ?? '');
for (const t of targets) await client.db(t.dbName).dropDatabase();
await client.close();
if (profileDir) writeFileSync(resolve(profileDir, 'windows.json'), JSON.stringify(windows));
