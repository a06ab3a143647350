import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { TRPCClient, TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { EventSource } from 'eventsource';
import type { FetchLike } from 'eventsource';
import { ProvisioError } from './provisio-error.ts';
import type { AppRouter } from './types.ts';

export type ProvisioClientOptions = {
  /** The server's tRPC endpoint, e.g. `https://provisio.example.com/trpc`. */
  url: string;
  /** An org application key (`pvk_…`) or, for platform operations, the platform admin token. */
  token: string;
  /** For tests and non-Node runtimes; used for queries, mutations and the event stream. */
  fetch?: typeof globalThis.fetch;
};

/** Every error reaching the caller (queries, mutations, subscriptions) is a ProvisioError. */
const provisioErrors: TRPCLink<AppRouter> =
  () =>
  ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => observer.error(ProvisioError.fromUnknown(error)),
        complete: () => observer.complete(),
      }),
    );

/**
 * The typed client internal tools use. Queries and mutations go through `httpBatchLink`
 * (at most 10 calls per request, the server's limit; more are sent as several requests);
 * subscriptions through `httpSubscriptionLink` (SSE) with the `eventsource` package (Node
 * 20 has no global EventSource), whose fetch override sends the same bearer token.
 */
export function createProvisioClient(options: ProvisioClientOptions): TRPCClient<AppRouter> {
  const authorization = `Bearer ${options.token}`;
  const baseFetch = options.fetch ?? globalThis.fetch;
  const sseFetch: FetchLike = (input, init) =>
    baseFetch(input, { ...init, headers: { ...init.headers, authorization } });
  return createTRPCClient<AppRouter>({
    links: [
      provisioErrors,
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: options.url, EventSource, eventSourceOptions: { fetch: sseFetch } }),
        // The server takes at most 10 calls per request (MAX_BATCH_CALLS in @provisio/api).
        false: httpBatchLink({ url: options.url, maxItems: 10, headers: () => ({ authorization }), fetch: baseFetch }),
      }),
    ],
  });
}

export type ProvisioClient = TRPCClient<AppRouter>;
