import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * A request the browser says comes from our own pages: `Origin` (sent on every fetch
 * POST and on cross-origin GETs) is the public URL's or the Host's origin, and
 * `Sec-Fetch-Site`, when present, is same-origin. Requests without either (curl,
 * server-to-server) pass this check; the CSRF token is what they then lack.
 */
export function isSameOrigin(req: Request, publicUrl: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const allowed = [new URL(publicUrl).origin, `${req.protocol}://${req.get('host') ?? ''}`];
  return allowed.includes(origin);
}

/** The `X-CSRF-Token` header equals the session's token (constant time). */
export function hasCsrfToken(req: Request, expected: string): boolean {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  // Compare bytes, not characters: a non-ASCII header of the right length must fail, not throw.
  const [a, b] = [Buffer.from(sent), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
