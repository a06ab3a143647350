import { createTestOrg, startTcpProxy, testPrincipal } from '@provisio/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createServer } from '../create-server.ts';
import { createTestDeps } from '../testing/test-deps.ts';

// The database goes away (its TCP proxy is cut) while the server runs: found by `pnpm faults` (db-down),
// where every SCIM request during the outage answered 500 instead of a retryable 503.
const target = new URL(process.env['MONGODB_URI'] ?? '');
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let env: Awaited<ReturnType<typeof createTestDeps>>;
let orgId = '';
const TOKEN = 'outage-scim-token';

beforeAll(async () => {
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  env = await createTestDeps({
    mongoUri: `mongodb://127.0.0.1:${proxy.port}/`,
    serverSelectionTimeoutMS: 1_000,
    resolvePrincipal: (token) => (token === TOKEN ? testPrincipal(orgId) : null),
  });
  orgId = (await createTestOrg(env.deps.db, { name: 'Outage Org' })).orgId;
});
afterAll(async () => {
  await proxy.restore().catch(() => undefined);
  await env.cleanup();
  await proxy.close();
});

const user = (userName: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  emails: [{ primary: true, value: userName }],
});

it('answers SCIM requests with a 503, Retry-After and a SCIM error while the database is unreachable, and serves them again once it is back', async () => {
  const { app } = createServer(env.deps);
  const scim = (method: 'get' | 'post', path: string) =>
    request(app)[method](`/scim/v2${path}`).set('Authorization', `Bearer ${TOKEN}`);
  const created = await scim('post', '/Users').send(user('before@outage.example'));
  expect(created.status).toBe(201);

  await proxy.cut();
  for (const res of [
    await scim('get', `/Users/${created.body.id as string}`),
    await scim('get', '/Users?filter=userName%20eq%20%22before@outage.example%22'),
    await scim('post', '/Users').send(user('during@outage.example')),
  ]) {
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '503' });
    // The driver's message names hosts and ports: never on the wire.
    expect(JSON.stringify(res.body)).not.toContain(String(proxy.port));
  }

  await proxy.restore();
  await vi.waitFor(
    async () => expect((await scim('post', '/Users').send(user('during@outage.example'))).status).toBe(201),
    { timeout: 20_000, interval: 250 },
  );
});

it('answers a tRPC call with SERVICE_UNAVAILABLE while the database is unreachable', async () => {
  const { app } = createServer({
    ...env.deps,
    resolvePrincipal: (token) => (token === TOKEN ? testPrincipal(orgId, ['admin']) : null),
  });
  await proxy.cut();
  try {
    const res = await request(app).get('/trpc/users.list?input=%7B%7D').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body.error.data.code).toBe('SERVICE_UNAVAILABLE');
  } finally {
    await proxy.restore();
  }
});
