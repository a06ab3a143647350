import { startTcpProxy } from '@provisio/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createServer } from './create-server.ts';
import { createTestDeps } from './testing/test-deps.ts';

const target = new URL(process.env['MONGODB_URI'] ?? '');
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let env: Awaited<ReturnType<typeof createTestDeps>>;

beforeAll(async () => {
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  env = await createTestDeps({ mongoUri: `mongodb://127.0.0.1:${proxy.port}/`, serverSelectionTimeoutMS: 1_000 });
});
afterAll(async () => {
  await proxy.restore().catch(() => undefined);
  await env.cleanup();
  await proxy.close();
});

/** `/readyz` once it answers `status` (it follows MongoDB within the driver's server selection time). */
const waitForStatus = (app: Parameters<typeof request>[0], status: number) =>
  vi.waitFor(
    async () => {
      const res = await request(app).get('/readyz');
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res;
    },
    { timeout: 20_000, interval: 250 },
  );

it('turns 503 naming MongoDB while it is unreachable, and 200 again once it is back, without a restart', async () => {
  const { app } = createServer(env.deps);
  const ready = await request(app).get('/readyz');
  expect(ready.status).toBe(200);
  expect(ready.body).toMatchObject({ status: 'ready', failing: [] });

  await proxy.cut();
  const down = await waitForStatus(app, 503);
  expect(down.body.status).toBe('unavailable');
  expect(down.body.failing).toEqual(['mongodb']);
  // The component, never its error text (driver messages name hosts and ports).
  expect(down.body.checks).toEqual({ mongodb: 'failing', redis: 'ok' });

  await proxy.restore();
  const back = await waitForStatus(app, 200);
  expect(back.body.failing).toEqual([]);
});
