import { createTestOrg, testPrincipal } from '@provisio/db/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createServer } from '../create-server.ts';
import { createTestDeps } from '../testing/test-deps.ts';

// Found by pnpm faults (overload): at twice the sustainable rate every SCIM request queued behind
// the others (admitted p99 19 s). A process now serves at most `scimMaxInFlight` at once and sheds the next.
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

it('answers 429 with Retry-After and a SCIM error once maxInFlight SCIM requests are in flight, and admits again when they end', async () => {
  const server = createServer({ ...env.deps, scimMaxInFlight: 2 });
  const port = await server.start(0);
  const get = () =>
    fetch(`http://127.0.0.1:${port}/scim/v2/Users?count=1`, { headers: { authorization: 'Bearer held-scim-token' } });
  try {
    gate = new Promise<void>((resolve) => (openGate = resolve));
    const held = [get(), get()];
    // Both are inside the server (the metrics count requests as they finish: wait for the refusal instead).
    const refused = await vi.waitFor(
      async () => {
        const res = await get();
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
    expect((await get()).status).toBe(200);
    expect(await server.metrics.registry.getSingleMetricAsString('provisio_requests_shed_total')).toMatch(
      /provisio_requests_shed_total [1-9]/,
    );
  } finally {
    openGate();
    await server.stop(100);
  }
});

it('does not count readiness probes against the limit', async () => {
  const server = createServer({ ...env.deps, scimMaxInFlight: 1 });
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
