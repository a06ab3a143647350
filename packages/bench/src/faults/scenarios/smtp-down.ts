import { createHttp } from '../../http.ts';
import { OKTA_HEADERS, oktaUser } from '../../phases/scim-bodies.ts';
import { adminClient } from '../event-stream.ts';
import { checkMails, settle } from '../invariants.ts';
import { startLoad } from '../load.ts';
import { createVerdict } from '../scenario.ts';
import type { ScenarioContext } from '../scenario.ts';
import { REJECTED_DOMAIN } from '../smtp-catcher.ts';
import { waitUntil } from '../wait.ts';

/**
 * The mail server fails for `windows.smtpDown` seconds under load: first not listening, then
 * answering 451. Invites are retried with backoff and all delivered afterwards, none twice; a
 * 550 answer marks its invite failed, as the admin app shows it (`invites.status`).
 */
export async function smtpDown(ctx: ScenarioContext) {
  const v = createVerdict('smtp-down');
  const { cluster } = ctx;
  const org = ctx.orgs[0];
  if (!org) throw new Error('no org');
  const load = startLoad(ctx.orgs, ctx.created, { rate: ctx.sustainable / 2, maxInFlight: 256 });
  await cluster.smtp.setMode('down');
  await ctx.hold(ctx.windows.smtpDown / 2, () => load.outcomes.filter((o) => o.type === 'create').length >= 3);
  await cluster.smtp.setMode('tempfail');
  await ctx.hold(ctx.windows.smtpDown / 2, () => cluster.smtp.tempfailed() >= 3);
  const figures = await load.stop();
  const tempfailed = cluster.smtp.tempfailed();
  await cluster.smtp.setMode('up');
  v.load('', figures);
  v.expect(
    figures.requests === figures.ok,
    `requests failed while mail was down: ${JSON.stringify(figures.unexpected)}`,
  );
  v.figure('answered_451', tempfailed);
  const settled = await settle(cluster, ctx.created, ctx.windows.settle * 1000);
  v.figure('delivered_after_s', settled);
  const mails = checkMails(cluster, ctx.created);
  v.figure('users', mails.users);
  v.figure('mails', mails.mails);
  v.expect(
    mails.missing === 0 && mails.duplicated === 0,
    `mails: ${mails.missing} users without, ${mails.duplicated} with more than one`,
  );

  const scim = createHttp(`${cluster.balancerUrl}/scim/v2`, {
    authorization: `Bearer ${org.scimToken}`,
    ...OKTA_HEADERS,
  });
  const reply = await scim.send('POST', '/Users', oktaUser(`bounce.${Date.now()}@${REJECTED_DOMAIN}`, 0));
  scim.close();
  const userId = reply.status === 201 ? (JSON.parse(reply.body) as { id: string }).id : '';
  const admin = adminClient(cluster.balancerUrl, org.adminToken);
  let state = 'none';
  await waitUntil(
    async () => {
      state = (await admin.invites.status.query({ userId }))?.state ?? 'none';
      return state === 'failed';
    },
    60_000,
    250,
  );
  v.figure('rejected_invite', state);
  v.expect(state === 'failed', `an invite answered 550 reads '${state}' in the admin app, not 'failed'`);
  return v.result;
}
