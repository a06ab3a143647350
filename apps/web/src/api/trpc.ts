import type { AppRouter, RouterOutputs } from '@provisio/client';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

let csrfToken = '';

/** The session's CSRF token, sent as a header with every /trpc request (the cookie goes by itself). */
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};
export const csrfHeaders = () => ({ 'x-csrf-token': csrfToken });

/** The typed client over the session cookie: same origin, no bearer token in the browser. */
export const trpcClient = createTRPCClient<AppRouter>({
  // The server takes at most 10 calls per request: more are sent as several requests.
  links: [httpBatchLink({ url: '/trpc', maxURLLength: 4000, maxItems: 10, headers: csrfHeaders })],
});

/**
 * `useTRPC()`: each procedure's `queryOptions` / `mutationOptions`, and its typed `queryKey`,
 * `queryFilter` and `pathFilter` for the cache (no hand-written keys). `TRPCProvider` is in main.tsx.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
export type TrpcClient = typeof trpcClient;

export type Outputs = RouterOutputs;

/** The session ended (expired, signed out elsewhere, user deactivated). */
export const isSignedOutError = (error: unknown): boolean =>
  error instanceof TRPCClientError && (error.data as { httpStatus?: number } | undefined)?.httpStatus === 401;

/** A message for people: the server's, which says what happened and what to do. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong.';
