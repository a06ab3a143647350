import { createHttp } from '../../http.ts';
import { OKTA_HEADERS, oktaUser } from '../../phases/scim-bodies.ts';
import { checkMails, settle } from '../invariants.ts';
import { startLoad } from '../load.ts';
import { createVerdict } from '../scenario.ts';
import type { ScenarioContext } from '../scenario.ts';
import { waitUntil } from '../wait.ts';

/**
 * SIGTERM of one server replica under load through the balancer: no request fails at the
 * client (in-flight ones finish, new ones go to the other replica); the replica exits 0 and
 * comes back.
 */
export async function serverSigterm(ctx: ScenarioContext) {
  const v = createVerdict('server-sigterm');
  const { cluster } = ctx;
  const victim = cluster.replicas[0];
  if (!victim) throw new Error('no replica');
  const load = startLoad(ctx.orgs, ctx.created, { rate: ctx.sustainable / 2, maxInFlight: 256 });
  await ctx.hold(3, () => load.outcomes.length >= 10);
  const termAt = performance.now();
  victim.proc.signal('SIGTERM');
  const code = await victim.proc.exited;
  const exitedAt = load.elapsedMs();
  v.figure('drain_s', (performance.now() - termAt) / 1000);
  v.figure('exit', code);
  // New requests now all go to the other replica.
  await ctx.hold(3, () => load.since(exitedAt).length >= 10);
  const restartAt = performance.now();
  await cluster.restartServer(victim);
  v.figure('restart_s', (performance.now() - restartAt) / 1000);
  const backAt = load.elapsedMs();
  await ctx.hold(2, () => load.since(backAt).length >= 6);
  const figures = await load.stop();
  v.load('', figures);
  const failed = figures.requests - figures.ok;
  v.figure('failed', failed);
  v.expect(code === 0, `the replica exited with ${code}`);
  v.expect(failed === 0, `${failed} requests failed at the client: ${JSON.stringify(figures.unexpected)}`);
  v.figure('settle_s', await settle(cluster, ctx.created, ctx.windows.settle * 1000));
  const mails = checkMails(cluster, ctx.created);
  v.expect(
    mails.missing === 0 && mails.duplicated === 0,
    `mails: ${mails.missing} users without, ${mails.duplicated} with more than one`,
  );
  return v.result;
}

/**
 * SIGTERM of a worker mid-batch: a batch of creates queues their invites, the worker is
 * stopped while mails are going out; no job is lost and none is sent twice.
 */
export async function workerSigterm(ctx: ScenarioContext) {
  const v = createVerdict('worker-sigterm');
  const { cluster } = ctx;
  const victim = cluster.workers[0];
  const org = ctx.orgs[0];
  if (!victim || !org) throw new Error('no worker or org');
  const scim = createHttp(`${cluster.balancerUrl}/scim/v2`, {
    authorization: `Bearer ${org.scimToken}`,
    ...OKTA_HEADERS,
  });
  const batch = Math.max(40, Math.round(ctx.sustainable * 3));
  const mailsBefore = cluster.smtp.mails();
  const stamp = Date.now();
  let next = 0;
  const statuses: number[] = [];
  const creating = Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < batch; i = next++) {
        const userName = `batch.${stamp}.${i}@worker-sigterm.faults.example`;
        const reply = await scim.send('POST', '/Users', oktaUser(userName, i));
        statuses.push(reply.status);
        if (reply.status === 201)
          ctx.created.set(userName, { orgId: org.orgId, id: (JSON.parse(reply.body) as { id: string }).id });
      }
    }),
  );
  // Mid-batch: once a few of its mails went out.
  await waitUntil(() => cluster.smtp.mails() >= mailsBefore + 5, 60_000, 20);
  const termAt = performance.now();
  victim.proc.signal('SIGTERM');
  const code = await victim.proc.exited;
  v.figure('stop_s', (performance.now() - termAt) / 1000);
  v.figure('exit', code);
  await creating;
  scim.close();
  await cluster.restartWorker(victim);
  v.figure('batch', batch);
  v.figure('created', statuses.filter((s) => s === 201).length);
  v.figure('settle_s', await settle(cluster, ctx.created, ctx.windows.settle * 1000));
  const mails = checkMails(cluster, ctx.created);
  v.figure('mails', mails.mails);
  v.expect(code === 0, `the worker exited with ${code}`);
  v.expect(
    statuses.every((s) => s === 201),
    `creates answered ${[...new Set(statuses)].join(',')}`,
  );
  v.expect(mails.missing === 0, `${mails.missing} users without a mail (a job lost)`);
  v.expect(mails.duplicated === 0, `${mails.duplicated} users mailed twice`);
  return v.result;
}
