import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccessTestApp, deactivateOp, scimUser } from '../auth/testing/access-test-app.ts';
import type { AccessTestApp } from '../auth/testing/access-test-app.ts';

let app: AccessTestApp;
let org: Awaited<ReturnType<AccessTestApp['newOrg']>>;
beforeAll(async () => {
  // The counts compare requests with a cached key and org: on a loaded machine 1 s can pass between
  // them, and a request that reads the key again would count more than the others.
  app = await createAccessTestApp({ credentialTtlMs: 60_000 });
  org = await app.newOrg();
});
afterAll(async () => {
  await app.cleanup();
});

type Observed = { count: number; sum: number; atMost: (n: number) => number };

/** One route's figures of a count histogram, as the metrics endpoint serves them. */
async function observed(
  metric: 'provisio_request_db_round_trips' | 'provisio_request_redis_commands',
  method: string,
  route: string,
): Promise<Observed> {
  type Value = { value: number; metricName?: string; labels: Record<string, string | number | undefined> };
  const values: Value[] = (await app.server.metrics.registry.getSingleMetric(metric)?.get())?.values ?? [];
  const mine = values.filter((v) => v.labels['method'] === method && v.labels['route'] === route);
  const one = (name: string) => mine.find((v) => v.metricName === name)?.value ?? 0;
  return {
    count: one(`${metric}_count`),
    sum: one(`${metric}_sum`),
    atMost: (n) => mine.find((v) => v.metricName === `${metric}_bucket` && v.labels['le'] === n)?.value ?? 0,
  };
}

/**
 * What `send` (of `requests` requests) adds to a route's database and Redis histograms. The
 * server records a request when its response has finished, which the client may see first.
 */
async function countsOf(method: string, route: string, send: () => Promise<unknown>, requests = 1) {
  const [db0, redis0] = await Promise.all([
    observed('provisio_request_db_round_trips', method, route),
    observed('provisio_request_redis_commands', method, route),
  ]);
  await send();
  const [db1, redis1] = await vi.waitFor(async () => {
    const after = await Promise.all([
      observed('provisio_request_db_round_trips', method, route),
      observed('provisio_request_redis_commands', method, route),
    ]);
    expect(
      after.map((o, i) => o.count - (i ? redis0 : db0).count),
      `${method} ${route}`,
    ).toEqual([requests, requests]);
    return after;
  });
  return {
    requests: db1.count - db0.count,
    db: db1.sum - db0.sum,
    redis: redis1.sum - redis0.sum,
    dbAfter: db1,
    dbBefore: db0,
  };
}

const createUser = async (userName: string) => {
  const res = await app.scim('post', '/Users', org.scimToken).send(scimUser(userName));
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
};

describe('round trips per request', () => {
  it('records the database and Redis round trips of a POST /Users and a GET /Users/{id}', async () => {
    const post = await countsOf('POST', '/scim/v2/Users/', () => createUser('counted.post@example.com'));
    expect(post.requests).toBe(1);
    expect(post.db).toBeGreaterThan(0);
    expect(post.redis).toBeGreaterThan(0);

    const id = await createUser('counted.get@example.com');
    const get = await countsOf('GET', '/scim/v2/Users/:id', async () =>
      expect((await app.scim('get', `/Users/${id}`, org.scimToken)).status).toBe(200),
    );
    expect(get.requests).toBe(1);
    expect(get.db).toBeGreaterThan(0);
    expect(get.redis).toBeGreaterThan(0);
    // The metrics endpoint serves them for the benchmark.
    expect(await app.server.metrics.registry.metrics()).toMatch(
      /provisio_request_db_round_trips_count\{method="GET",route="\/scim\/v2\/Users\/:id"\} \d+/,
    );
  });

  it('decides a request with a cached key in one Redis round trip: the address check and the rate limit are one script', async () => {
    const id = await createUser('counted.redis@example.com');
    const get = async () => expect((await app.scim('get', `/Users/${id}`, org.scimToken)).status).toBe(200);
    await get(); // the key and its org are cached now
    const cached = await countsOf('GET', '/scim/v2/Users/:id', get);
    expect(cached.requests).toBe(1);
    expect(cached.redis).toBe(1);
  });

  it('keeps the counts of concurrent requests apart', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => createUser(`concurrent.${i}@example.com`)));
    const get = (id: string) => async () =>
      expect((await app.scim('get', `/Users/${id}`, org.scimToken)).status).toBe(200);
    // Once alone (after a warm-up), for the figure every request of the same kind should record.
    await get(ids[0] ?? '')();
    const single = await countsOf('GET', '/scim/v2/Users/:id', get(ids[0] ?? ''));
    expect(single.db).toBeGreaterThan(0);

    const together = await countsOf(
      'GET',
      '/scim/v2/Users/:id',
      () => Promise.all(ids.map((id) => get(id)())),
      ids.length,
    );
    expect(together.requests).toBe(ids.length);
    expect(together.db).toBe(ids.length * single.db);
    // Each request recorded exactly the single figure: none below it, none above it.
    expect(together.dbAfter.atMost(single.db - 1) - together.dbBefore.atMost(single.db - 1)).toBe(0);
    expect(together.dbAfter.atMost(single.db) - together.dbBefore.atMost(single.db)).toBe(ids.length);
  });
});

const patchOp = (operation: Record<string, unknown>) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [operation],
});

describe('round trips per request type (cached key and org, one request at a time)', () => {
  /** The database round trips of one request (batched writes are shared work and count in none: see timed-batch.ts). */
  const dbOf = async (method: string, route: string, send: () => Promise<unknown>) =>
    (await countsOf(method, route, send)).db;

  it('stays at these figures: a round trip that comes back fails here', async () => {
    const figures: Record<string, number[]> = {};
    const note = (name: string, n: number) => (figures[name] ??= []).push(n);
    const newGroup = async (displayName: string) =>
      (
        await app.scim('post', '/Groups', org.scimToken).send({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName,
        })
      ).body.id as string;
    const [plain, mapped] = [await newGroup('Counted'), await newGroup('Counted mapped')];
    expect((await app.trpc(org.adminToken, 'roles.mapGroup', { groupId: mapped, role: 'read_only' })).status).toBe(200);
    const addTo = (groupId: string, id: string) => () =>
      app
        .scim('patch', `/Groups/${groupId}`, org.scimToken)
        .send(patchOp({ op: 'add', path: 'members', value: [{ value: id }] }));
    // Four of each (the brake holds a sixth deprovision in a small org); the least of them, as
    // a sweep's or a once-a-minute stamp's command may land in any one request.
    for (let i = 0; i < 4; i++) {
      let id = '';
      note('POST', await dbOf('POST', '/scim/v2/Users/', async () => (id = await createUser(`fig.${i}@example.com`))));
      note('GET id', await dbOf('GET', '/scim/v2/Users/:id', () => app.scim('get', `/Users/${id}`, org.scimToken)));
      const filter = `/Users?filter=userName eq "fig.${i}@example.com"`;
      note('GET filter', await dbOf('GET', '/scim/v2/Users/', () => app.scim('get', filter, org.scimToken)));
      note('member add', await dbOf('PATCH', '/scim/v2/Groups/:id', addTo(plain, id)));
      note('mapped member add', await dbOf('PATCH', '/scim/v2/Groups/:id', addTo(mapped, id)));
      const deactivate = () => app.scim('patch', `/Users/${id}`, org.scimToken).send(deactivateOp);
      note('PATCH deactivate', await dbOf('PATCH', '/scim/v2/Users/:id', deactivate));
    }
    const least = Object.fromEntries(Object.entries(figures).map(([name, counts]) => [name, Math.min(...counts)]));
    expect(least).toEqual({
      // intent, user, event, invite (the org, its settings and mappings come from the cache)
      POST: 4,
      // the user, its group memberships
      'GET id': 2,
      'GET filter': 2,
      // group, user, intent, member row, event (membership.added), the group's mapping, version
      // claim, group version (the intent's close is batched)
      'member add': 8,
      // the same eight, and the role recompute between them: the user, its memberships with
      // their groups' names (one SQL statement), its write (intent, claim, user, event), the same
      // two reads again to confirm (the mappings and org roles come from the cache)
      'mapped member add': 16,
      // the user, its memberships with their groups' names (one SQL statement), brake state, mark,
      // count, intent, claim, user, event, the owner's keys
      'PATCH deactivate': 10,
    });
  });
});

describe('GET /Users/{id} reads the memberships only when the response shows groups', () => {
  it('shows them by default and when asked for, leaves them unread when left out (RFC 7643: returned by default)', async () => {
    const id = await createUser('projected@example.com');
    const group = await app.scim('post', '/Groups', org.scimToken).send({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Projected',
      members: [{ value: id }],
    });
    expect(group.status).toBe(201);
    const get = async (query: string) => {
      let body: { groups?: { value: string }[]; userName?: string } = {};
      const counts = await countsOf('GET', '/scim/v2/Users/:id', async () => {
        const res = await app.scim('get', `/Users/${id}${query}`, org.scimToken);
        expect(res.status).toBe(200);
        body = res.body as typeof body;
      });
      return { groups: body.groups?.map((g) => g.value), userName: body.userName, db: counts.db };
    };
    await get(''); // the key and org are cached now
    // The user, and its memberships with their groups' names (one SQL statement with the companion).
    expect(await get('')).toEqual({ groups: [group.body.id], userName: 'projected@example.com', db: 2 });
    expect(await get('?attributes=groups')).toMatchObject({ groups: [group.body.id], db: 2 });
    expect(await get('?attributes=urn:ietf:params:scim:schemas:core:2.0:User:groups.value')).toMatchObject({
      groups: [group.body.id],
      db: 2,
    });
    expect(await get('?excludedAttributes=groups')).toEqual({
      groups: undefined,
      userName: 'projected@example.com',
      db: 1,
    });
    expect(await get('?attributes=userName')).toEqual({ groups: undefined, userName: 'projected@example.com', db: 1 });
  });
});
