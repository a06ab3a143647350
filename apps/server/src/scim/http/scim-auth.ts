import type { Principal } from '@provisio/core';
import { hasScope, isAppError } from '@provisio/core';
import type { Request, RequestHandler, Response } from 'express';
import { bearerToken } from '../../http/bearer-token.ts';
import type { PrincipalResolver } from '../../http/trpc-endpoint.ts';
import { ScimHttpFailure } from './scim-failure.ts';

export type OrgPrincipal = Extract<Principal, { kind: 'org' }>;

const unauthenticated = (detail: string, challenge: string) =>
  new ScimHttpFailure({ status: 401, detail, headers: { 'WWW-Authenticate': challenge } });

/**
 * Bearer auth for every SCIM route: no or unknown token → 401 with a challenge; the
 * platform token or an org key without the `scim` scope → 403. The org principal is kept
 * in `res.locals.principal` for the procedures' context.
 */
export function scimAuth(resolvePrincipal: PrincipalResolver): RequestHandler {
  return async (req, res, next) => {
    res.locals['principal'] = await admitScimCall(resolvePrincipal, req);
    next();
  };
}

/**
 * Admits one SCIM call of this request's bearer token: authenticated, rate-limited and
 * gated by the resolver, refused here as above. Each Bulk operation after the first is
 * admitted again, so it counts and is checked as a request of its own would be.
 */
export async function admitScimCall(resolvePrincipal: PrincipalResolver, req: Request): Promise<OrgPrincipal> {
  const token = bearerToken(req);
  if (!token) throw unauthenticated('A bearer token is required', 'Bearer realm="scim"');
  // A revoked key: the resolver's message says why (owner deprovisioned, or revoked by an admin).
  const resolving = resolvePrincipal(token, {
    address: req.ip ?? 'unknown',
    calls: 1,
    onPrincipal: (resolved) => void (req.res && (req.res.locals['resolvedPrincipal'] = resolved)),
  });
  const principal = await Promise.resolve(resolving).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'UNAUTHENTICATED')
      throw unauthenticated(error.message, 'Bearer realm="scim", error="invalid_token"');
    throw error;
  });
  if (!principal)
    throw unauthenticated('The bearer token is invalid or revoked', 'Bearer realm="scim", error="invalid_token"');
  if (principal.kind !== 'org')
    throw new ScimHttpFailure({ status: 403, detail: 'SCIM needs an org key, not the platform token' });
  if (!hasScope(principal.scopes, 'scim'))
    throw new ScimHttpFailure({ status: 403, detail: "This key lacks the 'scim' scope" });
  return principal;
}

/** The principal `scimAuth` admitted; routes behind it can rely on its presence. */
export function orgPrincipal(res: Response): OrgPrincipal {
  const principal = res.locals['principal'] as OrgPrincipal | undefined;
  if (!principal) throw new Error('scimAuth must run before SCIM routes');
  return principal;
}
