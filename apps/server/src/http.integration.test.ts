import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './create-server.ts';
import { loadServerEnv } from './env.ts';
import { createTestDeps } from './testing/test-deps.ts';

let env: Awaited<ReturnType<typeof createTestDeps>>;
beforeAll(async () => {
  env = await createTestDeps();
});
afterAll(() => env.cleanup());

describe('the server app', () => {
  it('answers /healthz', async () => {
    const { app } = createServer(env.deps);
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('gives every request an id, keeping a safe one the caller sent', async () => {
    const { app } = createServer(env.deps);
    const fresh = await request(app).get('/healthz');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(app).get('/healthz').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const unsafe = await request(app).get('/healthz').set('X-Request-Id', 'a b <script>');
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exports request counts by route pattern, latency histograms and event-loop lag on its own port, not the public one', async () => {
    const { app, metrics } = createServer(env.deps);
    await request(app).get('/healthz');
    await request(app).get('/nowhere/123');
    const metricsPort = await metrics.listen(0);
    const res = await request(`http://127.0.0.1:${metricsPort}`).get('/metrics');
    await metrics.close();
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toContain('nodejs_eventloop_lag_seconds');
    expect((await request(app).get('/metrics')).status).toBe(404);
  });

  it('reads the metrics port and host from METRICS_PORT and METRICS_HOST (loopback by default)', () => {
    const base = {
      MONGODB_URI: 'mongodb://127.0.0.1:27017/p',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PROVISIO_ADMIN_TOKEN: 'x'.repeat(32),
    };
    expect(loadServerEnv(base)).toMatchObject({ METRICS_PORT: 9465, METRICS_HOST: '127.0.0.1' });
    expect(loadServerEnv({ ...base, METRICS_PORT: '9999', METRICS_HOST: '0.0.0.0' })).toMatchObject({
      METRICS_PORT: 9999,
      METRICS_HOST: '0.0.0.0',
    });
    expect(() => loadServerEnv({ ...base, METRICS_PORT: 'nine' })).toThrow(/METRICS_PORT/);
  });

  it('serves tRPC at /trpc', async () => {
    const { app } = createServer(env.deps);
    const res = await request(app).get('/trpc/system.ping');
    expect(res.status).toBe(200);
    expect(res.body.result.data.ok).toBe(true);
  });

  it('drains an in-flight request on stop, and refuses new connections after', async () => {
    const server = createServer(env.deps);
    let release: () => void = () => undefined;
    let reached: () => void = () => undefined;
    const handling = new Promise<void>((resolve) => (reached = resolve));
    server.app.get('/slow', (_req, res) => {
      release = () => res.json({ done: true });
      reached();
    });
    const port = await server.start(0);
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json());
    await handling;
    let stopDone = false;
    const stopped = server.stop().then(() => (stopDone = true));
    // The listener closes at once: a new connection is refused while the slow request still runs.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(stopDone).toBe(false);
    release();
    await expect(inFlight).resolves.toEqual({ done: true });
    await stopped;
  });

  it('answers /readyz 503 while it drains, still serving, before it stops listening', async () => {
    const server = createServer({ ...env.deps, shutdownDrainDelayMs: 5_000 });
    const port = await server.start(0);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const stopped = server.stop(0);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'draining' });
    // Still accepting: requests a balancer sent before it saw the 503 are served.
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await stopped;
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
