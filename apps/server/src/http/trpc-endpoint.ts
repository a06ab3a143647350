import { appRouter, createInnerContext } from '@provisio/api';
import type { InnerContextOptions } from '@provisio/api';
import type { Principal } from '@provisio/core';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { bearerToken } from './bearer-token.ts';

export type PrincipalResolver = (token: string) => Promise<Principal | null> | Principal | null;

export type TrpcEndpointOptions = Omit<InnerContextOptions, 'auth' | 'requestId'> & {
  resolvePrincipal: PrincipalResolver;
};

/** `/trpc`: derives the caller from the bearer token, then runs the procedure. Logs only 5xx. */
export function trpcEndpoint({ resolvePrincipal, ...inner }: TrpcEndpointOptions) {
  return createExpressMiddleware({
    router: appRouter,
    createContext: async ({ req, res }) => {
      const token = bearerToken(req);
      const auth = token ? await resolvePrincipal(token) : null;
      if (token && !auth) res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      const requestId = String(res.getHeader('X-Request-Id') ?? '');
      return createInnerContext({ ...inner, logger: inner.logger.child({ requestId }), auth, requestId });
    },
    onError({ error, path, ctx }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') ctx?.logger.error({ err: error.cause ?? error, path }, 'trpc procedure failed');
    },
  });
}
