import { createBenchOrg } from '../../orgs.ts';
import { PLATFORM_TOKEN } from '../../stack.ts';
import { createTrpc, dataOf } from '../../trpc.ts';
import { adminClient, openEventStream, serviceKey } from '../event-stream.ts';
import { checkMails, settle } from '../invariants.ts';
import { startLoad } from '../load.ts';
import { checkStream } from '../stream-check.ts';
import { createVerdict } from '../scenario.ts';
import type { ScenarioContext } from '../scenario.ts';
import { waitUntil } from '../wait.ts';

/** The limited key's rate (per second); its burst reserve is the same again (README "Rate limits"). */
const LIMIT = 10;

/** A key at 2x its limit, its requests alternating between the two replicas: the limit must hold across them. */
async function sharedRateLimit(ctx: ScenarioContext, seconds: number) {
  const [a, b] = ctx.cluster.replicas;
  if (!a || !b) throw new Error('two replicas needed');
  const org = await createBenchOrg(ctx.cluster.balancerUrl, `Limited ${Date.now()}`);
  const platform = createTrpc(ctx.cluster.balancerUrl, PLATFORM_TOKEN);
  dataOf(await platform.mutation('platform.setOrgKeyRateLimit', { orgId: org.orgId, keyRateLimit: LIMIT }), 'limit');
  // No request has used the org yet, so no replica holds it cached with the old limit.
  const statuses: number[] = [];
  const headers = { authorization: `Bearer ${org.scimToken}` };
  const total = 2 * LIMIT * seconds;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: total }, async (_, i) => {
      // Paced at twice the limit (a rate, not a wait for an event).
      await new Promise((r) => setTimeout(r, (i * 1000) / (2 * LIMIT)));
      const replica = i % 2 ? b : a;
      const res = await fetch(`${replica.url}/scim/v2/Users?count=1`, { headers }).catch(() => undefined);
      statuses.push(res?.status ?? 0);
      await res?.arrayBuffer();
    }),
  );
  const admitted = statuses.filter((s) => s === 200).length;
  const elapsed = (performance.now() - started) / 1000;
  return {
    admitted,
    limited: statuses.filter((s) => s === 429).length,
    fiveXx: statuses.filter((s) => s >= 500 || s === 0).length,
    /** Sustained rate over the time the requests took (a loaded machine stretches it) plus the burst reserve. */
    allowed: Math.round(LIMIT * elapsed + LIMIT),
    total,
  };
}

/**
 * Two server replicas and two workers on one database and Redis: under a steady load through
 * the balancer, every created user gets exactly one mail, a key's rate limit holds across
 * replicas, event streams on either replica see every change once and in order, and a key
 * revoked through one replica is refused by the other at once.
 */
export async function twoReplicas(ctx: ScenarioContext) {
  const v = createVerdict('two-replicas');
  const { cluster, orgs } = ctx;
  const [r1, r2] = cluster.replicas;
  const org = orgs[0];
  if (!r1 || !r2 || !org) throw new Error('two replicas and an org needed');

  const reader = await serviceKey(r1.url, org.adminToken, `mirror ${Date.now()}`, ['users:read']);
  const streams = [openEventStream(r1.url, reader.token), openEventStream(r2.url, reader.token)];
  await Promise.all(streams.map((s) => s.started));

  const load = startLoad(orgs, ctx.created, { rate: ctx.sustainable / 2, maxInFlight: 64 });
  const limit = await sharedRateLimit(ctx, Math.max(5, Math.min(10, ctx.windows.load)));
  const revoked = await revokedElsewhere(ctx);
  await ctx.hold(Math.max(0, ctx.windows.load - load.elapsedMs() / 1000), () => load.outcomes.length >= 30);
  const figures = await load.stop();
  v.load('', figures);
  v.expect(figures.fiveXx === 0, `${figures.fiveXx} x 5xx under load`);
  v.expect(Object.keys(figures.unexpected).length === 0, `unexpected statuses ${JSON.stringify(figures.unexpected)}`);

  const settled = await settle(cluster, ctx.created, ctx.windows.settle * 1000);
  const mails = checkMails(cluster, ctx.created);
  v.figure('settle_s', settled);
  v.figure('users', mails.users);
  v.figure('mails', mails.mails);
  v.expect(
    mails.missing === 0 && mails.duplicated === 0,
    `mails: ${mails.missing} users without, ${mails.duplicated} with more than one`,
  );

  v.figure('limit_admitted', `${limit.admitted}/${limit.total}`);
  v.figure('limit_allowed', limit.allowed);
  v.figure('limit_429', limit.limited);
  const share = limit.limited / limit.total;
  v.figure('limit_429_share', share);
  v.expect(limit.fiveXx === 0, `${limit.fiveXx} x 5xx from the limited key`);
  v.expect(
    limit.admitted <= limit.allowed * 1.15 + 2,
    `the limited key got ${limit.admitted} through, above ${limit.allowed} (+15%): the limit is not shared`,
  );
  v.expect(
    limit.admitted >= limit.allowed * 0.7,
    `the limited key got only ${limit.admitted} of an allowed ${limit.allowed}`,
  );

  v.figure('revoked_status_other_replica', revoked.after);
  v.expect(
    revoked.before === 200 && revoked.after === 401,
    `revoked key: ${revoked.before} before, ${revoked.after} after on the other replica`,
  );

  // A stream starts a little before "now" (events still settling): compare from its first event on.
  const stored = async (from: string) =>
    (
      await cluster
        .db()
        .collection('user_events')
        .find({ orgId: org.orgId, _id: { $gte: from } as never })
        .sort({ _id: 1 })
        .toArray()
    ).map((e) => ({ id: String(e._id), userId: String(e['userId']), version: Number(e['version']) }));
  const last = (await stored('')).at(-1)?.id ?? '';
  await waitUntil(() => streams.every((s) => s.events.at(-1)?.id === last), 20_000);
  for (const [i, s] of streams.entries()) {
    s.stop();
    const expected = await stored(s.events[0]?.id ?? '');
    const seen = checkStream(s.events, expected);
    v.figure(`sse${i + 1}_changes`, `${seen.changes}/${expected.length}`);
    v.figure(`sse${i + 1}_repeats`, seen.repeats);
    v.expect(new Set(s.events.map((e) => e.id)).size === s.events.length, `stream on replica ${i + 1} saw an id twice`);
    v.expect(
      seen.changes > figures.requests / 10 && seen.exact,
      `stream on replica ${i + 1}: not every change once (by userId + version) and in order`,
    );
    v.expect(s.errors.length === 0, `stream on replica ${i + 1} failed: ${String(s.errors[0])}`);
  }
  return v.result;
}

/** A SCIM key used on replica 2, revoked through replica 1, then used on replica 2 again at once. */
async function revokedElsewhere(ctx: ScenarioContext) {
  const [r1, r2] = ctx.cluster.replicas;
  const org = ctx.orgs[1] ?? ctx.orgs[0];
  if (!r1 || !r2 || !org) throw new Error('two replicas and an org needed');
  const key = await serviceKey(r1.url, org.adminToken, `revoked ${Date.now()}`, ['scim']);
  const use = async () =>
    (await fetch(`${r2.url}/scim/v2/Users?count=1`, { headers: { authorization: `Bearer ${key.token}` } })).status;
  const before = await use();
  await adminClient(r1.url, org.adminToken).keys.revoke.mutate({ id: key.id });
  return { before, after: await use() };
}
