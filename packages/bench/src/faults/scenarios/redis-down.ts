import { checkMails, settle } from '../invariants.ts';
import { startLoad, summarizeOutcomes } from '../load.ts';
import { createVerdict } from '../scenario.ts';
import type { ScenarioContext } from '../scenario.ts';

/**
 * Redis stops for `windows.redisDown` seconds under load: SCIM keeps answering (the rate
 * limits fall back to each process's memory), invites wait and are all sent, once each,
 * after Redis is back.
 */
export async function redisDown(ctx: ScenarioContext) {
  const v = createVerdict('redis-down');
  const { cluster } = ctx;
  const load = startLoad(ctx.orgs, ctx.created, { rate: ctx.sustainable / 2, maxInFlight: 256 });
  await ctx.hold(3, () => load.outcomes.length >= 10);
  const stopAt = load.elapsedMs();
  await cluster.redis.stop();
  await ctx.hold(ctx.windows.redisDown, () => load.since(stopAt).filter((o) => o.type === 'create').length >= 3);
  const backAt = load.elapsedMs();
  const mailsAtReturn = cluster.smtp.mails();
  await cluster.redis.start();
  const startedAt = performance.now();
  await ctx.hold(5, () => load.since(backAt).length >= 5);
  const all = await load.stop();
  const during = summarizeOutcomes(
    load.outcomes.filter((o) => o.at >= stopAt && o.at < backAt),
    ctx.windows.redisDown,
  );
  v.load('', all);
  v.figure('down_req', during.requests);
  v.figure('down_ok', during.ok);
  v.figure('down_p99ms', during.p99);
  v.expect(all.fiveXx === 0 && all.requests === all.ok, `while Redis was down: ${JSON.stringify(all.unexpected)}`);
  const settled = await settle(cluster, ctx.created, ctx.windows.settle * 1000);
  v.figure('mails_after_return', cluster.smtp.mails() - mailsAtReturn);
  v.figure('settle_s', settled);
  v.figure('since_return_s', (performance.now() - startedAt) / 1000);
  const mails = checkMails(cluster, ctx.created);
  v.expect(
    mails.missing === 0 && mails.duplicated === 0,
    `mails: ${mails.missing} users without, ${mails.duplicated} with more than one`,
  );
  return v.result;
}
