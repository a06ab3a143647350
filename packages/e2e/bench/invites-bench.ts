/**
 * Invite benchmark (a script that prints, not a test):
 *  1. emails per second one worker sends to a local SMTP server for 5,000 invites;
 *  2. the p50/p99 latency the enqueue adds to POST /scim/v2/Users.
 * Needs MONGODB_URI and REDIS_URL (e.g. the `make test` services). Cleans up after itself.
 */
import { performance } from 'node:perf_hooks';
import { uuidV7 } from '@provisio/core';
import { createTestOrg, testPrincipal } from '@provisio/db/testing';
import { startTestSmtpServer } from '@provisio/email/testing';
import { createInviteDispatcher } from '@provisio/jobs';
import { createServer } from '@provisio/server/create-server';
import { createTestDeps } from '@provisio/server/testing';
import { startTestWorker } from '../src/testing/test-worker.ts';

const INVITES = Number(process.env['BENCH_INVITES'] ?? 5_000);
const POSTS = Number(process.env['BENCH_POSTS'] ?? 500);
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const smtp = await startTestSmtpServer();
let orgId = '';
const env = await createTestDeps({ resolvePrincipal: (t) => (t === 'bench' ? testPrincipal(orgId) : null) });
orgId = (await createTestOrg(env.deps.db, { name: 'Bench Org' })).orgId;
const { db, queue } = env.deps;
const cleanup = async () => {
  await smtp.close();
  await env.cleanup();
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

try {
  // 1. Seed invited users and their invites, queue them all, then let one worker drain the queue.
  const dispatcher = createInviteDispatcher(queue, { timeoutMs: 30_000 });
  const now = new Date();
  for (let i = 0; i < INVITES; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, INVITES - i) }, async (_, j) => {
        const n = i + j;
        const user = await db.users.insert(orgId, {
          id: uuidV7(),
          attributes: {
            userName: `bench${n}@example.com`,
            active: true,
            emails: [{ value: `bench${n}@example.com`, primary: true }],
          },
          status: 'invited',
          source: 'scim',
          role: 'standard',
          now,
        });
        const invite = await db.invites.insertNext(orgId, { id: uuidV7(), userId: user.id, now });
        await dispatcher.dispatch({ orgId, userId: user.id, inviteId: invite.id, dispatch: 0 });
      }),
    );
  }
  const worker = await startTestWorker({
    db,
    queueName: queue.name,
    publicUrl: 'http://provisio.test',
    smtpUrl: smtp.url,
    from: 'bench@provisio.test',
  });
  const started = performance.now();
  await smtp.waitFor(INVITES, 30 * 60_000);
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  const sent = await env.models.invites.countDocuments({ orgId, state: 'sent' });

  // 2. POST /Users over loopback; time the queue.add inside each request.
  const addTimes: number[] = [];
  const add = queue.add.bind(queue);
  queue.add = (async (...args: Parameters<typeof queue.add>) => {
    const t = performance.now();
    try {
      return await add(...args);
    } finally {
      addTimes.push(performance.now() - t);
    }
  }) as typeof queue.add;
  const server = createServer({ ...env.deps, rateLimit: { perSecond: 1e6, burst: 1e6, burstWindowSeconds: 1 } });
  const port = await server.start(0);
  const postTimes: number[] = [];
  for (let i = 0; i < POSTS; i++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/scim/v2/Users`, {
      method: 'POST',
      headers: { authorization: 'Bearer bench', 'content-type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `post${i}@example.com`,
        emails: [{ value: `post${i}@example.com`, primary: true }],
      }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`POST /Users answered ${res.status}`);
    postTimes.push(performance.now() - t);
  }
  await server.stop();

  const rows = [
    ['invites sent by one worker', `${sent} of ${INVITES} in ${seconds.toFixed(1)} s`],
    ['emails per second', (INVITES / seconds).toFixed(1)],
    [
      `POST /Users (${POSTS}, sequential) p50 / p99`,
      `${ms(quantile(postTimes, 0.5))} / ${ms(quantile(postTimes, 0.99))}`,
    ],
    ['enqueue inside it (queue.add) p50 / p99', `${ms(quantile(addTimes, 0.5))} / ${ms(quantile(addTimes, 0.99))}`],
    ['enqueue share of POST at p50', `${((100 * quantile(addTimes, 0.5)) / quantile(postTimes, 0.5)).toFixed(1)} %`],
  ];
  const width = Math.max(...rows.map(([k]) => k?.length ?? 0));
  process.stdout.write(`\nInvite benchmark (${new Date().toISOString()})\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k?.padEnd(width)}  ${v}\n`);
} finally {
  await cleanup();
}
