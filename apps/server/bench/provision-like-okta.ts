import { Agent, request } from 'node:http';

type Options = {
  baseUrl: string;
  token: string;
  count: number;
  concurrency: number;
  /** Stop starting new users after this many seconds (0: no cap); the figures say how many were done. */
  maxSeconds: number;
};

/** One HTTP exchange on a keep-alive agent; resolves with status and body text. */
function send(agent: Agent, url: string, init: { method: string; headers: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { agent, method: init.method, headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * Provisions `count` new users the way Okta assigns them (IDP-BEHAVIOUR §2.2): a lookup by
 * `userName eq`, then a POST, `concurrency` users at a time. Returns wall time and per-user latency.
 */
export async function provisionLikeOkta({ baseUrl, token, count, concurrency, maxSeconds }: Options) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = { authorization: `Bearer ${token}`, accept: 'application/scim+json', 'user-agent': 'Okta SCIM Client 1.0.0' };
  const perUser: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const stopAt = maxSeconds > 0 ? started + maxSeconds * 1000 : Number.POSITIVE_INFINITY;
  const worker = async () => {
    for (let i = next++; i < count && performance.now() < stopAt; i = next++) {
      const userName = `okta.${i}@bench.example`;
      const t0 = performance.now();
      const lookup = await send(agent, `${baseUrl}/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`, { method: 'GET', headers });
      const found = lookup.status === 200 && (JSON.parse(lookup.body) as { totalResults: number }).totalResults > 0;
      const body = JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName,
        name: { givenName: 'Okta', familyName: `User ${i}` },
        emails: [{ primary: true, value: userName, type: 'work' }],
        displayName: `Okta User ${i}`,
        externalId: `00u${i}`,
        active: true,
      });
      const created = found ? { status: 201 } : await send(agent, `${baseUrl}/Users`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
      if (lookup.status !== 200 || created.status !== 201) failures++;
      perUser.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  perUser.sort((a, b) => a - b);
  const at = (q: number) => perUser[Math.min(perUser.length - 1, Math.floor(q * perUser.length))] ?? Number.NaN;
  return { target: count, users: perUser.length, seconds, p50: at(0.5), p99: at(0.99), failures };
}
