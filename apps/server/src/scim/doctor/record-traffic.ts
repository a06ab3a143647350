import type { Clock, Principal } from '@provisio/core';
import { idpOf, operationOf, routeOf, shapesOf } from '@provisio/core/scim-doctor';
import type { TrafficRecorder } from '@provisio/core/scim-doctor';
import type { RequestHandler } from 'express';
import type { ScimFailure } from '../http/to-scim-failure.ts';

/** The key label of an org principal without a key (internal callers and tests): production SCIM calls always have one. */
export const NO_KEY = 'no-key';

/** The org principal a request authenticated as, or was refused as after its credential resolved (a 429 of its key's limit, a 403 of its plan). */
function callerOf(locals: Record<string, unknown>): { principal: Principal | undefined; admitted: boolean } {
  const admitted = locals['principal'] as Principal | undefined;
  return { principal: admitted ?? (locals['resolvedPrincipal'] as Principal | undefined), admitted: !!admitted };
}

/**
 * Mounted before the SCIM router: once each answer has gone out, hands the doctor's
 * recorder what the request showed (operation, status, IdP, shapes, the error's detail).
 * Memory only: the recorder writes every few seconds, never on the request path.
 */
export function recordScimTraffic(recorder: TrafficRecorder, clock: Clock): RequestHandler {
  return (req, res, next) => {
    // Read now: Express rewrites req.path on the way out of mounted routers.
    const path = req.path;
    res.once('finish', () => {
      const { principal, admitted } = callerOf(res.locals);
      if (principal?.kind !== 'org') return;
      const userAgent = req.headers['user-agent'] ?? null;
      const status = res.statusCode;
      const shapes = shapesOf({ method: req.method, path, userAgent, body: req.body, status, rateLimited: !admitted });
      const failure = res.locals['scimFailure'] as ScimFailure | undefined;
      const at = clock.now();
      recorder.record({
        orgId: principal.orgId,
        keyId: principal.keyId ?? NO_KEY,
        at,
        operation: operationOf(req.method, path),
        status,
        idp: idpOf(userAgent, shapes),
        shapes,
        ...(status >= 400
          ? {
              error: {
                at,
                method: req.method,
                path: routeOf(path),
                status,
                scimType: failure?.scimType ?? null,
                detail: failure?.detail ?? '',
              },
            }
          : {}),
      });
    });
    next();
  };
}
