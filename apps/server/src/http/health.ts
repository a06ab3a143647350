import { Router } from 'express';

export type ReadinessCheck = { name: string; check: () => Promise<unknown> };

const withTimeout = (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);

/**
 * `/healthz`: the process is up. `/readyz`: every dependency answers, else 503 naming the
 * failing ones; 503 `draining` once the process is stopping. The error text goes to the log
 * only: driver messages name hosts and ports.
 */
export function healthRouter(checks: ReadinessCheck[], draining: () => boolean, timeoutMs = 1_500): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    if (draining()) return void res.status(503).json({ status: 'draining', failing: [], checks: {} });
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), timeoutMs);
          return { name, ok: true };
        } catch (error) {
          req.log.warn({ err: error, component: name }, 'readiness check failed');
          return { name, ok: false };
        }
      }),
    );
    const failing = results.filter((r) => !r.ok);
    res.status(failing.length ? 503 : 200).json({
      status: failing.length ? 'unavailable' : 'ready',
      failing: failing.map((r) => r.name),
      checks: Object.fromEntries(results.map((r) => [r.name, r.ok ? 'ok' : 'failing'])),
    });
  });
  return router;
}
