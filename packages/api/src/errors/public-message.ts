import { isAppError } from '@provisio/core';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { BODY_TOO_LARGE_MESSAGE } from '../request-limits.ts';

/**
 * A failure the caller must not read about: any 5xx except a domain 503 (a dependency
 * is down, retry), whose message was written for the caller. Its message may name hosts,
 * collections or stack details; the log keeps them.
 */
export function isUnexpected(error: TRPCError): boolean {
  if (getHTTPStatusCodeFromError(error) < 500) return false;
  return !(isAppError(error.cause) && error.cause.code === 'UNAVAILABLE');
}

/** What the caller reads instead: the request id finds the detail in the log. */
export const internalErrorMessage = (requestId: string | undefined) =>
  requestId ? `Internal server error (request ${requestId})` : 'Internal server error';

/** The message of an expected failure; a body over the limit reads the same whether its length was declared or counted. */
export const publicMessage = (error: TRPCError): string =>
  error.code === 'PAYLOAD_TOO_LARGE' ? BODY_TOO_LARGE_MESSAGE : error.message;
