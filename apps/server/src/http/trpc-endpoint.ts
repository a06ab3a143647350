import { appRouter, createInnerContext, MAX_BODY_BYTES } from '@provisio/api';
import { createAuditCollector } from '@provisio/core/audit';
import { authFailureHeaders, resolveForTrpc, resolveSessionForTrpc } from '../auth/trpc-auth.ts';
import type { InnerContextOptions } from '@provisio/api';
import type { Principal } from '@provisio/core';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Request } from 'express';
import { TRPCError } from '@trpc/server';
import { AppError } from '@provisio/core';
import type { Admission } from './admission.ts';
import { SHED_RETRY_AFTER_SECONDS } from './admission.ts';
import { bearerToken } from './bearer-token.ts';
import { checkRequestSize } from './trpc-limits.ts';

/** What the HTTP layer tells a resolver about the request: who sends it, and how many calls it carries. */
export type AuthRequest = {
  address: string;
  calls: number;
  /** Told the principal once the credential resolved, before the rate limit may refuse it (the SCIM doctor counts 429s per key). */
  onPrincipal?: (principal: Principal) => void;
};

export type PrincipalResolver = (token: string, request?: AuthRequest) => Promise<Principal | null> | Principal | null;

/** The principal of a request's web session cookie (null without one). */
export type SessionResolver = (req: Request, request: AuthRequest) => Promise<Principal | null>;

export type TrpcEndpointOptions = Omit<InnerContextOptions, 'auth' | 'requestId'> & {
  resolvePrincipal: PrincipalResolver;
  /** The web app's session cookie (checked with its CSRF token), for requests without a bearer token. */
  resolveSession?: SessionResolver;
  /** Sheds a request that waited too long (TOO_MANY_REQUESTS with Retry-After) before anything costs a round trip. */
  admission?: Admission;
};

/**
 * `/trpc`: refuses oversized requests, derives the caller from the bearer token (each call
 * of a batch counts against its rate limit), then runs the procedures. Logs only 5xx.
 */
export function trpcEndpoint({ resolvePrincipal, resolveSession, admission, ...inner }: TrpcEndpointOptions) {
  return createExpressMiddleware({
    router: appRouter,
    maxBodySize: MAX_BODY_BYTES,
    createContext: async ({ req, res, info }) => {
      checkRequestSize(req, info.calls.length);
      if (admission && (await admission.admit(req, res))) {
        const busy = new AppError('RATE_LIMITED', {
          message: 'The server is busy: retry shortly',
          retryAfter: SHED_RETRY_AFTER_SECONDS,
        });
        throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: busy.message, cause: busy });
      }
      const token = bearerToken(req);
      const request = { address: req.ip ?? 'unknown', calls: info.calls.length };
      // Invalid, revoked or rate-limited keys fail here, with the reason as the error message.
      const auth = token
        ? await resolveForTrpc(resolvePrincipal, token, request)
        : resolveSession
          ? await resolveSessionForTrpc(resolveSession, req, request)
          : null;
      const requestId = String(res.getHeader('X-Request-Id') ?? '');
      const audit = createAuditCollector({ writtenBy: 'procedure', userAgent: req.headers['user-agent'] ?? null });
      return createInnerContext({ ...inner, logger: inner.logger.child({ requestId }), auth, requestId, audit });
    },
    responseMeta: ({ errors }) => ({ headers: authFailureHeaders(errors) }),
    onError({ error, path, ctx }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        ctx?.logger.error({ err: error.cause ?? error, path }, 'trpc procedure failed');
    },
  });
}
