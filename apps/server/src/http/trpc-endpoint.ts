import { appRouter, createInnerContext } from '@provisio/api';
import { createAuditCollector } from '@provisio/core/audit';
import { authFailureHeaders, resolveForTrpc } from '../auth/trpc-auth.ts';
import type { InnerContextOptions } from '@provisio/api';
import type { Principal } from '@provisio/core';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Request } from 'express';
import { bearerToken } from './bearer-token.ts';

export type PrincipalResolver = (token: string) => Promise<Principal | null> | Principal | null;

export type TrpcEndpointOptions = Omit<InnerContextOptions, 'auth' | 'requestId'> & {
  resolvePrincipal: PrincipalResolver;
  /** The web app's session cookie (checked with its CSRF token), for requests without a bearer token. */
  resolveSession?: (req: Request) => Promise<Principal | null>;
};

/** `/trpc`: derives the caller from the bearer token, then runs the procedure. Logs only 5xx. */
export function trpcEndpoint({ resolvePrincipal, resolveSession, ...inner }: TrpcEndpointOptions) {
  return createExpressMiddleware({
    router: appRouter,
    createContext: async ({ req, res }) => {
      const token = bearerToken(req);
      // Invalid, revoked or rate-limited keys fail here, with the reason as the error message.
      const auth = token ? await resolveForTrpc(resolvePrincipal, token) : ((await resolveSession?.(req)) ?? null);
      const requestId = String(res.getHeader('X-Request-Id') ?? '');
      const audit = createAuditCollector({ writtenBy: 'procedure', userAgent: req.headers['user-agent'] ?? null });
      return createInnerContext({ ...inner, logger: inner.logger.child({ requestId }), auth, requestId, audit });
    },
    responseMeta: ({ errors }) => ({ headers: authFailureHeaders(errors) }),
    onError({ error, path, ctx }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') ctx?.logger.error({ err: error.cause ?? error, path }, 'trpc procedure failed');
    },
  });
}
