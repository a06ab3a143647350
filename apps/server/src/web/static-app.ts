import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

/** Defined by the production build (scripts/build-app.mjs): the web app copied beside the bundle. */
declare const BUNDLED_WEB_DIST: string | undefined;

/** From source: apps/web/dist (`pnpm --filter @provisio/web build`); built: dist/web beside dist/index.js. */
export const DEFAULT_WEB_DIST = fileURLToPath(
  new URL(typeof BUNDLED_WEB_DIST === 'string' ? BUNDLED_WEB_DIST : '../../../web/dist', import.meta.url),
);

/** Paths that are the API, never the app: they keep their own 404s. */
const API_PREFIXES = ['/trpc', '/scim', '/invite', '/auth', '/healthz', '/readyz', '/metrics'];

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Serves the built web app at `/`: hashed assets cached for a year, and index.html (never
 * cached) for any other GET that accepts HTML, so deep links like /users/<id> load the app.
 */
export function staticApp(distDir = DEFAULT_WEB_DIST): Router {
  const router = Router();
  const index = join(distDir, 'index.html');
  router.use(
    '/assets',
    express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  router.use((req, res, next) => {
    const isApi = API_PREFIXES.some((p) => req.path === p || req.path.startsWith(`${p}/`));
    // Only what browsers navigate with (Accept names text/html): API clients keep their 404s.
    const wantsHtml = req.headers.accept?.includes('text/html') ?? false;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi || !wantsHtml) return next();
    res.set({ ...SECURITY_HEADERS, 'Cache-Control': 'no-store' });
    if (!existsSync(index))
      return void res
        .status(503)
        .type('text')
        .send('The web app is not built: run `pnpm --filter @provisio/web build` (make up does).');
    res.sendFile(index);
  });
  return router;
}
