import { toTrpcCode } from '@provisio/api';
import { isAppError } from '@provisio/core';
import type { Principal } from '@provisio/core';
import { TRPCError } from '@trpc/server';
import type { AuthRequest, PrincipalResolver } from '../http/trpc-endpoint.ts';

/**
 * The principal of a bearer token on /trpc. A token that resolves to nothing is 401
 * (not "anonymous"); a resolver AppError (revoked key, rate limit) keeps its code and
 * message, and stays the `cause` so the error formatter and `Retry-After` can read it.
 */
export async function resolveForTrpc(resolve: PrincipalResolver, token: string, request: AuthRequest): Promise<Principal> {
  let principal: Principal | null;
  try {
    principal = await resolve(token, request);
  } catch (error) {
    if (isAppError(error)) throw new TRPCError({ code: toTrpcCode(error.code), message: error.message, cause: error });
    throw error;
  }
  if (!principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The bearer token is invalid' });
  return principal;
}

/** `WWW-Authenticate` on any 401, `Retry-After` on a 429 (from the AppError's `retryAfter`). */
export function authFailureHeaders(errors: readonly TRPCError[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const error of errors) {
    if (error.code === 'UNAUTHORIZED') headers['WWW-Authenticate'] = 'Bearer realm="provisio", error="invalid_token"';
    if (error.code === 'TOO_MANY_REQUESTS' && isAppError(error.cause) && error.cause.retryAfter !== undefined) {
      headers['Retry-After'] = String(error.cause.retryAfter);
    }
  }
  return headers;
}
