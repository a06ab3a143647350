import { createHttp } from '../http.ts';
import type { Http, Reply } from '../http.ts';
import { createBenchOrg } from '../orgs.ts';
import type { BenchOrg } from '../orgs.ts';
import { addMember, filterUserName, OKTA_HEADERS, oktaDeactivate, oktaUser } from '../phases/scim-bodies.ts';
import { percentile } from '../stats.ts';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const removeMember = (userId: string) => ({
  schemas: [PATCH_OP],
  Operations: [{ op: 'remove', path: `members[value eq "${userId}"]` }],
});

/** An org the load drives: its SCIM client, a group, and users created before the load (mailed already). */
export type LoadOrg = BenchOrg & { name: string; scim: Http; groupId: string; seeded: string[]; seededNames: string[] };

/** Every user created through SCIM, by userName (its email too): the mail checks read it. */
export type CreatedUsers = Map<string, { orgId: string; id: string }>;

/** An enterprise org (key limit raised, as bench orgs are), one group and `seed` users, through `baseUrl`. */
export async function prepareOrg(baseUrl: string, name: string, seed: number, created: CreatedUsers) {
  const org = await createBenchOrg(baseUrl, name);
  const scim = createHttp(`${baseUrl}/scim/v2`, { authorization: `Bearer ${org.scimToken}`, ...OKTA_HEADERS });
  const group = await scim.send('POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: `${name} engineers`,
  });
  if (group.status !== 201) throw new Error(`${name}: creating a group answered ${group.status} ${group.body}`);
  const seeded: string[] = [];
  const seededNames: string[] = [];
  const slug = name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-');
  for (let i = 0; i < seed; i++) {
    const userName = `seed.${i}@${slug}.faults.example`;
    const reply = await scim.send('POST', '/Users', oktaUser(userName, i));
    if (reply.status !== 201) throw new Error(`${name}: seeding a user answered ${reply.status} ${reply.body}`);
    const id = (JSON.parse(reply.body) as { id: string }).id;
    created.set(userName, { orgId: org.orgId, id });
    seeded.push(id);
    seededNames.push(userName);
  }
  return {
    ...org,
    name,
    scim,
    groupId: (JSON.parse(group.body) as { id: string }).id,
    seeded,
    seededNames,
  } satisfies LoadOrg;
}

export type OpType = 'lookup' | 'create' | 'deactivate' | 'group';
/** Okta's mix in a steady sync: mostly lookups, then creates, deactivations and group member changes. */
const MIX: readonly OpType[] = [
  ...Array<OpType>(10).fill('lookup'),
  ...Array<OpType>(4).fill('create'),
  ...Array<OpType>(3).fill('deactivate'),
  ...Array<OpType>(3).fill('group'),
];
const EXPECTED: Record<OpType, readonly number[]> = {
  lookup: [200],
  create: [201],
  deactivate: [200, 204],
  group: [200, 204],
};

/** One answered (or failed: status 0) request of the load. */
export type Outcome = {
  type: OpType;
  status: number;
  ms: number;
  /** Of `ms`, the time the request waited in this client for a socket (not sent yet). */
  queuedMs: number;
  at: number;
  retryAfter: boolean;
  error?: string;
};

export type LoadFigures = {
  seconds: number;
  requests: number;
  perSecond: number;
  ok: number;
  /** Statuses outside the expected ones, by status (0 = no answer). */
  unexpected: Record<string, number>;
  fiveXx: number;
  /** 503s that carried Retry-After. */
  retryAfter503: number;
  /** Requests the client could not start because `maxInFlight` were still open. */
  shed: number;
  /** 429s the client waited out (Retry-After) and sent again, as an IdP does. */
  retried429: number;
  p50: number;
  p99: number;
  max: number;
};

export function summarizeOutcomes(
  outcomes: readonly Outcome[],
  seconds: number,
  shed = 0,
  retried429 = 0,
): LoadFigures {
  const unexpected: Record<string, number> = {};
  let ok = 0;
  for (const o of outcomes) {
    if (EXPECTED[o.type].includes(o.status)) ok++;
    else unexpected[String(o.status)] = (unexpected[String(o.status)] ?? 0) + 1;
  }
  const ms = outcomes.map((o) => o.ms);
  return {
    seconds,
    requests: outcomes.length,
    perSecond: outcomes.length / Math.max(seconds, 0.001),
    ok,
    unexpected,
    fiveXx: outcomes.filter((o) => o.status >= 500).length,
    retryAfter503: outcomes.filter((o) => o.status === 503 && o.retryAfter).length,
    shed,
    retried429,
    p50: percentile(ms, 0.5),
    p99: percentile(ms, 0.99),
    max: ms.length ? Math.max(...ms) : Number.NaN,
  };
}

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

/**
 * A steady Okta-style load from every org in `orgs`, `rate` requests per second (open loop:
 * requests start on schedule whatever the answers, at most `maxInFlight` open; the rest is
 * counted as shed). A create that fails is kept, as an IdP keeps it, for `retryFailedCreates`.
 */
export function startLoad(
  orgs: readonly LoadOrg[],
  created: CreatedUsers,
  options: { rate: number; maxInFlight: number },
) {
  const outcomes: Outcome[] = [];
  const failedCreates: { org: LoadOrg; userName: string }[] = [];
  const known = new Map(orgs.map((o) => [o.orgId, [...o.seededNames]]));
  const started = performance.now();
  let launched = 0;
  let inFlight = 0;
  let shed = 0;
  /** Load runs share orgs: each names its users apart. */
  const runId = Date.now().toString(36);
  let creates = 0;
  let retried429 = 0;
  /** Sends; a 429 is waited out (its Retry-After) and sent again, up to 3 times, as Okta does. */
  const send = async (org: LoadOrg, method: string, path: string, body?: unknown) => {
    for (let attempt = 0; ; attempt++) {
      const reply = await org.scim.send(method, path, body);
      if (reply.status !== 429 || attempt === 3) return reply;
      retried429++;
      await new Promise((r) => setTimeout(r, Number(reply.retryAfter ?? 1) * 1000));
    }
  };
  let idle: (() => void) | undefined;

  const run = async (i: number) => {
    const org = orgs[i % orgs.length] as LoadOrg;
    const type = MIX[Math.floor(i / orgs.length) % MIX.length] as OpType;
    const seeded = org.seeded;
    let reply: Reply | undefined;
    let error: string | undefined;
    const at = performance.now();
    let userName = '';
    try {
      if (type === 'lookup') {
        // Okta looks a user up by userName before it creates or updates one.
        reply = await send(org, 'GET', filterUserName(pick(known.get(org.orgId) ?? [], i * 7919) ?? ''));
      } else if (type === 'create') {
        userName = `load.${runId}.${creates++}@${org.orgId.slice(-8)}.faults.example`;
        reply = await send(org, 'POST', '/Users', oktaUser(userName, i));
      } else if (type === 'deactivate') {
        reply = await send(org, 'PATCH', `/Users/${pick(seeded, i) ?? ''}`, oktaDeactivate);
      } else {
        const member = pick(seeded, i * 31) ?? '';
        const body = Math.floor(i / 2) % 2 ? removeMember(member) : addMember(member);
        reply = await send(org, 'PATCH', `/Groups/${org.groupId}`, body);
      }
    } catch (e) {
      error = (e as NodeJS.ErrnoException).code ?? String(e);
    }
    const status = reply?.status ?? 0;
    outcomes.push({
      type,
      status,
      ms: reply?.ms ?? performance.now() - at,
      queuedMs: reply?.queuedMs ?? 0,
      at: at - started,
      retryAfter: reply?.retryAfter !== undefined,
      ...(error ? { error } : {}),
    });
    if (type === 'create' && reply?.status === 201) {
      const id = (JSON.parse(reply.body) as { id: string }).id;
      created.set(userName, { orgId: org.orgId, id });
      known.get(org.orgId)?.push(userName);
    } else if (type === 'create') failedCreates.push({ org, userName });
  };

  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * options.rate);
    for (; launched < due; launched++) {
      if (inFlight >= options.maxInFlight) {
        shed++;
        continue;
      }
      inFlight++;
      void run(launched).finally(() => {
        inFlight--;
        if (inFlight === 0) idle?.();
      });
    }
  }, 10);

  return {
    outcomes,
    failedCreates,
    /** Outcomes since `fromMs` (ms since the load started). */
    since: (fromMs: number) => outcomes.filter((o) => o.at >= fromMs),
    elapsedMs: () => performance.now() - started,
    /** Stops starting requests, waits for the open ones, and sums up. */
    async stop(): Promise<LoadFigures> {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      return summarizeOutcomes(outcomes, seconds, shed, retried429);
    },
  };
}

export type Load = ReturnType<typeof startLoad>;

/**
 * What an IdP does with a create that failed: look the user up, create it when it is not
 * there. Returns how many retries did not end with the user present.
 */
export async function retryFailedCreates(load: Load, created: CreatedUsers) {
  let failed = 0;
  for (const { org, userName } of load.failedCreates) {
    const found = await org.scim.send('GET', filterUserName(userName));
    const existing =
      found.status === 200 ? (JSON.parse(found.body) as { Resources?: { id: string }[] }).Resources?.[0] : undefined;
    if (existing) {
      created.set(userName, { orgId: org.orgId, id: existing.id });
      continue;
    }
    const reply = await org.scim.send('POST', '/Users', oktaUser(userName, 0));
    if (reply.status === 201)
      created.set(userName, { orgId: org.orgId, id: (JSON.parse(reply.body) as { id: string }).id });
    else failed++;
  }
  return { retried: load.failedCreates.length, failed };
}
