import { createHttp } from '../http.ts';
import type { Http, Reply } from '../http.ts';
import { createBenchOrg } from '../orgs.ts';
import { runPool } from '../pool.ts';
import { histogramTotals, meanBetween, routeKey } from '../prom-text.ts';
import type { Stack } from '../stack.ts';
import { percentile } from '../stats.ts';
import { addMember, filterUserName, OKTA_HEADERS, oktaDeactivate, oktaUser } from './scim-bodies.ts';

export type RequestCost = {
  type: string;
  requests: number;
  errors: number;
  p50: number;
  cpuMsPerRequest: number;
  dbRoundTrips: number;
  redisCommands: number;
};

type CostType = {
  type: string;
  method: string;
  route: string;
  concurrency: number;
  ok: readonly number[];
  send: (http: Http, i: number) => Promise<Reply>;
};

const userName = (i: number) => `cost.${i}@costs.example`;

/**
 * Server CPU and round trips per request, by type: `count` requests of each type in a fresh
 * org, one type at a time, read from /proc and from the server's round-trip histograms.
 * Group member adds go one at a time (they all change one group).
 */
export async function measureRequestCosts(stack: Stack, count: number): Promise<RequestCost[]> {
  const org = await createBenchOrg(stack.baseUrl, `Request costs ${Date.now()}`);
  const http = createHttp(`${stack.baseUrl}/scim/v2`, { authorization: `Bearer ${org.scimToken}`, ...OKTA_HEADERS });
  const ids: string[] = [];
  let groupId = '';
  const types: CostType[] = [
    {
      type: 'POST /Users',
      method: 'POST',
      route: '/scim/v2/Users/',
      concurrency: 4,
      ok: [201],
      send: async (h, i) => {
        const reply = await h.send('POST', '/Users', oktaUser(userName(i), i));
        if (reply.status === 201) ids[i] = (JSON.parse(reply.body) as { id: string }).id;
        return reply;
      },
    },
    {
      type: 'GET filter userName eq',
      method: 'GET',
      route: '/scim/v2/Users/',
      concurrency: 4,
      ok: [200],
      send: (h, i) => h.send('GET', filterUserName(userName(i))),
    },
    {
      type: 'GET /Users/{id}',
      method: 'GET',
      route: '/scim/v2/Users/:id',
      concurrency: 4,
      ok: [200],
      send: (h, i) => h.send('GET', `/Users/${ids[i] ?? ''}`),
    },
    {
      type: 'PATCH deactivate',
      method: 'PATCH',
      route: '/scim/v2/Users/:id',
      concurrency: 4,
      ok: [200, 204],
      send: (h, i) => h.send('PATCH', `/Users/${ids[i] ?? ''}`, oktaDeactivate),
    },
    {
      type: 'PATCH group member add',
      method: 'PATCH',
      route: '/scim/v2/Groups/:id',
      concurrency: 1,
      ok: [200, 204],
      send: (h, i) => h.send('PATCH', `/Groups/${groupId}`, addMember(ids[i] ?? '')),
    },
  ];
  try {
    const costs: RequestCost[] = [];
    for (const cost of types) {
      if (cost.route === '/scim/v2/Groups/:id') {
        const group = await http.send('POST', '/Groups', {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName: `Costs ${Date.now()}`,
          members: [],
        });
        groupId = (JSON.parse(group.body) as { id: string }).id;
      }
      const before = await stack.metrics();
      const cpu0 = stack.serverCpuMs();
      const latencies: number[] = [];
      let errors = 0;
      const run = await runPool({ concurrency: cost.concurrency, count }, async (i) => {
        const reply = await cost.send(http, i);
        latencies.push(reply.ms);
        if (!cost.ok.includes(reply.status)) errors++;
      });
      const cpuMs = stack.serverCpuMs() - cpu0;
      const after = await stack.metrics();
      const key = routeKey(cost.method, cost.route);
      const mean = (name: string) => meanBetween(histogramTotals(before, name), histogramTotals(after, name), key);
      costs.push({
        type: cost.type,
        requests: run.done,
        errors,
        p50: percentile(latencies, 0.5),
        cpuMsPerRequest: cpuMs / Math.max(1, run.done),
        dbRoundTrips: mean('provisio_request_db_round_trips'),
        redisCommands: mean('provisio_request_redis_commands'),
      });
    }
    return costs;
  } finally {
    http.close();
  }
}
