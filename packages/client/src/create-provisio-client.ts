import type { AppRouter } from '@provisio/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

export type ProvisioClientOptions = {
  /** The server's tRPC endpoint, e.g. `https://provisio.example.com/trpc`. */
  url: string;
  /** An org application key (`pvk_…`) or, for platform operations, the platform admin token. */
  token: string;
  /** For tests and non-Node runtimes. */
  fetch?: typeof fetch;
};

/** The typed tRPC client every internal tool uses; `@provisio/api` is only a type here. */
export function createProvisioClient({ url, token, fetch }: ProvisioClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url, headers: () => ({ authorization: `Bearer ${token}` }), ...(fetch ? { fetch } : {}) })],
  });
}

export type ProvisioClient = ReturnType<typeof createProvisioClient>;
