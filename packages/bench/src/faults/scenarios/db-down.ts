import { checkMails, checkStore, describeTwiceMailed, settle } from '../invariants.ts';
import { retryFailedCreates, startLoad, summarizeOutcomes } from '../load.ts';
import { watchReadiness } from '../readiness.ts';
import { createVerdict } from '../scenario.ts';
import type { ScenarioContext } from '../scenario.ts';
import { waitUntil } from '../wait.ts';

/**
 * The database goes away for `windows.dbDown` seconds under load (its TCP proxy is cut):
 * /readyz turns 503 within 5 s, requests fail fast with a SCIM 503 and Retry-After (none
 * hangs beyond 10 s), everything succeeds again within 10 s of its return without a
 * restart, the IdP's retries succeed, and nothing is left half-written.
 */
export async function dbDown(ctx: ScenarioContext) {
  const v = createVerdict('db-down');
  const { cluster } = ctx;
  const ready = watchReadiness(cluster.replicas);
  const load = startLoad(ctx.orgs, ctx.created, { rate: ctx.sustainable / 2, maxInFlight: 256 });
  await ctx.hold(3, () => load.outcomes.length >= 10);
  const cutAt = load.elapsedMs();
  const readyCutAt = ready.elapsedMs();
  await cluster.dbProxy.cut();
  ctx.log(`db-down: database cut for ${ctx.windows.dbDown} s`);
  await ctx.hold(
    ctx.windows.dbDown,
    () =>
      ready.secondsUntil(503, readyCutAt) >= 0 &&
      load.outcomes.filter((o) => o.at >= cutAt && o.status === 503).length >= 3,
  );
  const backAt = load.elapsedMs();
  const readyBackAt = ready.elapsedMs();
  await cluster.dbProxy.restore();
  await ctx.hold(
    12,
    () =>
      ready.secondsUntil(200, readyBackAt) >= 0 &&
      load.outcomes.filter((o) => o.at >= backAt && o.status >= 200 && o.status < 300).length >= 10,
  );
  const all = await load.stop();
  await ready.stop();

  const during = summarizeOutcomes(
    load.outcomes.filter((o) => o.at >= cutAt && o.at < backAt),
    ctx.windows.dbDown,
  );
  const failedAfter = load.outcomes.filter(
    (o) => o.at >= backAt && o.status !== 200 && o.status !== 201 && o.status !== 204,
  );
  const recoveredAfter = failedAfter.length ? (Math.max(...failedAfter.map((o) => o.at + o.ms)) - backAt) / 1000 : 0;
  const readyDown = ready.secondsUntil(503, readyCutAt);
  const readyUp = ready.secondsUntil(200, readyBackAt);
  const other5xx = load.outcomes.filter((o) => o.status >= 500 && o.status !== 503).length;
  const noAnswer = load.outcomes.filter((o) => o.status === 0).length;
  const unavailable = load.outcomes.filter((o) => o.status === 503);

  v.figure('req', all.requests);
  v.figure('down_req', during.requests);
  v.figure('down_ok', during.ok);
  v.figure('down_503', unavailable.length);
  v.figure('down_503_retry_after', unavailable.filter((o) => o.retryAfter).length);
  v.figure('down_maxms', during.max);
  v.figure('other_5xx', other5xx);
  v.figure('no_answer', noAnswer);
  v.figure('readyz_503_s', readyDown);
  v.figure('readyz_200_s', readyUp);
  v.figure('recovered_s', recoveredAfter);
  v.expect(readyDown >= 0 && (!ctx.timed || readyDown <= 5), `/readyz turned 503 after ${readyDown} s (at most 5)`);
  v.expect(readyUp >= 0 && (!ctx.timed || readyUp <= 10), `/readyz turned 200 again after ${readyUp} s (at most 10)`);
  v.expect(other5xx === 0 && noAnswer === 0, `${other5xx} x 5xx other than 503 and ${noAnswer} unanswered`);
  v.expect(
    unavailable.every((o) => o.retryAfter),
    `${unavailable.filter((o) => !o.retryAfter).length} x 503 without Retry-After`,
  );
  if (ctx.timed) {
    v.expect(all.max <= 10_000, `a request took ${all.max.toFixed(0)} ms (at most 10 s)`);
    v.expect(recoveredAfter <= 10, `requests still failed ${recoveredAfter} s after the database came back`);
  }

  const retries = await retryFailedCreates(load, ctx.created);
  v.figure('idp_retries', `${retries.retried - retries.failed}/${retries.retried}`);
  v.expect(retries.failed === 0, `${retries.failed} of the IdP's ${retries.retried} retried creates failed`);

  v.figure('settle_s', await settle(cluster, ctx.created, ctx.windows.settle * 1000));
  const mails = checkMails(cluster, ctx.created);
  for (const line of await describeTwiceMailed(cluster, ctx.created, mails.twice)) console.error(line);
  v.figure('users', mails.users);
  v.figure('mails', mails.mails);
  v.expect(
    mails.missing === 0 && mails.duplicated === 0,
    `mails: ${mails.missing} users without, ${mails.duplicated} with more than one`,
  );
  // The cluster's open user event sweep settles a write the database failed mid-way once it is 35 s old (every 5 s).
  await waitUntil(
    async () => {
      const s = await checkStore(cluster);
      return s.usersWithoutEvent === 0 && s.openIntents === 0 && s.sendingInvites === 0;
    },
    75_000,
    1_000,
  );
  const store = await checkStore(cluster);
  v.figure('half_written', store.usersWithoutEvent + store.openIntents + store.sendingInvites);
  v.expect(store.usersWithoutEvent === 0, `${store.usersWithoutEvent} users without their created event`);
  v.expect(store.openIntents === 0, `${store.openIntents} write intents left open`);
  v.expect(store.sendingInvites === 0, `${store.sendingInvites} invites left mid-send`);
  return v.result;
}
