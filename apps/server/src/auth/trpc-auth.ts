import { toTrpcCode } from '@provisio/api';
import { isAppError } from '@provisio/core';
import type { Principal } from '@provisio/core';
import { TRPCError } from '@trpc/server';
import type { Request } from 'express';
import type { AuthRequest, PrincipalResolver, SessionResolver } from '../http/trpc-endpoint.ts';

/**
 * Runs a resolver; an AppError it throws (revoked key, rate limit, SCIM gate) keeps its
 * code and message as a TRPCError, and stays the `cause` so the error formatter and
 * `Retry-After` can read it.
 */
async function withTrpcErrors<T>(resolve: () => Promise<T> | T): Promise<T> {
  try {
    return await resolve();
  } catch (error) {
    if (isAppError(error)) throw new TRPCError({ code: toTrpcCode(error.code), message: error.message, cause: error });
    throw error;
  }
}

/** The principal of a bearer token on /trpc. A token that resolves to nothing is 401 (not "anonymous"). */
export async function resolveForTrpc(
  resolve: PrincipalResolver,
  token: string,
  request: AuthRequest,
): Promise<Principal> {
  const principal = await withTrpcErrors(() => resolve(token, request));
  if (!principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The bearer token is invalid' });
  return principal;
}

/** The principal of the session cookie on /trpc, or null (anonymous) without one. */
export const resolveSessionForTrpc = (
  resolve: SessionResolver,
  req: Request,
  request: AuthRequest,
): Promise<Principal | null> => withTrpcErrors(() => resolve(req, request));

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
