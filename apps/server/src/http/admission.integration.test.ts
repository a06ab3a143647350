import { connect } from 'node:net';
import { createTestOrg, testPrincipal } from '@provisio/db/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createServer } from '../create-server.ts';
import { createTestDeps } from '../testing/test-deps.ts';

// Found by pnpm faults (overload): at twice the sustainable rate every SCIM request queued behind
// the others (admitted p99 19 s, then 36 s with a count alone). A process now serves at most
// `scimMaxInFlight` at once, and sheds a request that waited more than `requestMaxWaitMs` in all.
let env: Awaited<ReturnType<typeof createTestDeps>>;
let orgId = '';
/** Authentication waits on this gate: the test holds requests in flight as long as it likes. */
let openGate: () => void = () => undefined;
let gate = Promise.resolve();

beforeAll(async () => {
  env = await createTestDeps({
    resolvePrincipal: async (token) => {
      await gate;
      return token === 'held-scim-token' ? testPrincipal(orgId) : null;
    },
  });
  orgId = (await createTestOrg(env.deps.db, { name: 'Busy Org' })).orgId;
});
afterAll(() => env.cleanup());

const get = (port: number) =>
  fetch(`http://127.0.0.1:${port}/scim/v2/Users?count=1`, { headers: { authorization: 'Bearer held-scim-token' } });

it('answers 429 with Retry-After and a SCIM error to a request that waited past the bound for one of maxInFlight slots, and admits again when they end', async () => {
  const server = createServer({ ...env.deps, scimMaxInFlight: 2, requestMaxWaitMs: 200 });
  const port = await server.start(0);
  try {
    gate = new Promise<void>((resolve) => (openGate = resolve));
    const held = [get(port), get(port)];
    // Both are inside the server (the metrics count requests as they finish: wait for the refusal instead).
    const refused = await vi.waitFor(
      async () => {
        const res = await get(port);
        expect(res.status).toBe(429);
        return res;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toBe('application/scim+json; charset=utf-8');
    expect(await refused.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '429',
    });
    openGate();
    for (const res of await Promise.all(held)) expect(res.status).toBe(200);
    expect((await get(port)).status).toBe(200);
    expect(await server.metrics.registry.getSingleMetricAsString('provisio_requests_shed_total')).toMatch(
      /provisio_requests_shed_total\{surface="scim",reason="queue_wait"\} [1-9]/,
    );
  } finally {
    openGate();
    await server.stop(100);
  }
});

it('runs a request that waited for a slot within the bound', async () => {
  const server = createServer({ ...env.deps, scimMaxInFlight: 1, requestMaxWaitMs: 30_000 });
  const port = await server.start(0);
  try {
    gate = new Promise<void>((resolve) => (openGate = resolve));
    const held = get(port);
    await vi.waitFor(async () =>
      expect(await server.metrics.registry.getSingleMetricAsString('provisio_admission_wait_seconds')).toMatch(
        /provisio_admission_wait_seconds_count\{surface="scim"\} 1/,
      ),
    );
    const queued = get(port);
    openGate();
    expect((await held).status).toBe(200);
    expect((await queued).status).toBe(200);
  } finally {
    openGate();
    await server.stop(100);
  }
});

/**
 * Writes a whole request on a raw socket, then keeps this process's event loop busy for `blockMs`
 * (as a process overloaded with its own work is): the server reads the request only afterwards,
 * with its loop's utilization over the last second near 1. Returns the status line.
 */
async function sendWhileBlocked(port: number, request: string, blockMs: number) {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const answer = new Promise<string>((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\r\n')) resolve(text);
    });
    socket.once('error', reject);
  });
  socket.write(request);
  const until = performance.now() + blockMs;
  while (performance.now() < until);
  const text = await answer;
  socket.destroy();
  return text;
}

it.each([
  ['SCIM', 'GET /scim/v2/Users?count=1 HTTP/1.1', 'application/scim+json'],
  ['tRPC', 'GET /trpc/users.list HTTP/1.1', 'TOO_MANY_REQUESTS'],
])(
  '%s: answers 429 with Retry-After to a request left unread behind an event loop busy with our own work for longer than the bound',
  async (_surface, requestLine, marker) => {
    const server = createServer({ ...env.deps, scimMaxInFlight: 8, requestMaxWaitMs: 200 });
    const port = await server.start(0);
    try {
      const request = `${requestLine}\r\nHost: 127.0.0.1\r\nAuthorization: Bearer held-scim-token\r\nConnection: close\r\n\r\n`;
      // Long enough that the last second's utilization is above 0.9 whatever the loop did before it.
      const answer = await sendWhileBlocked(port, request, 2000);
      expect(answer).toMatch(/^HTTP\/1\.1 429 /);
      expect(answer).toMatch(/\r\nretry-after: 1\r\n/i);
      expect(answer).toContain(marker);
      expect(await server.metrics.registry.getSingleMetricAsString('provisio_requests_shed_total')).toMatch(
        /reason="loop_lag"\} 1/,
      );
    } finally {
      await server.stop(100);
    }
  },
);

it('does not count readiness probes against the limit', async () => {
  const server = createServer({ ...env.deps, scimMaxInFlight: 1, requestMaxWaitMs: 100 });
  gate = new Promise<void>((resolve) => (openGate = resolve));
  const port = await server.start(0);
  try {
    const held = fetch(`http://127.0.0.1:${port}/scim/v2/Users`, {
      headers: { authorization: 'Bearer held-scim-token' },
    });
    await vi.waitFor(async () => expect((await fetch(`http://127.0.0.1:${port}/scim/v2/Users`)).status).toBe(429));
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    openGate();
    expect((await held).status).toBe(200);
  } finally {
    openGate();
    await server.stop(100);
  }
});
