import type { RequestHandler } from 'express';
import { ScimHttpFailure } from './scim-failure.ts';

/** The last handler of a route: a known path with a method it does not serve → 405 + `Allow`. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  const allow = allowed.join(', ');
  return (req) => {
    throw new ScimHttpFailure({
      status: 405,
      detail: `${req.method} is not allowed here; use ${allow}`,
      headers: { Allow: allow },
    });
  };
}
