/** A tRPC answer: its data, or its error code and message. */
export type TrpcResult<T> = { data?: T; error?: { code: string; message: string } };

type Envelope = { result?: { data: unknown }; error?: { message: string; data?: { code?: string } } };
const unwrap = <T>(e: Envelope): TrpcResult<T> =>
  e.error
    ? { error: { code: e.error.data?.code ?? 'UNKNOWN', message: e.error.message } }
    : { data: e.result?.data as T };

/** tRPC over plain HTTP, as any internal tool may call it (no client library: the benchmark probes procedures that may not exist). */
export function createTrpc(baseUrl: string, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    async mutation<T>(path: string, input: unknown): Promise<TrpcResult<T>> {
      const res = await fetch(`${baseUrl}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
      return unwrap<T>((await res.json()) as Envelope);
    },
    async query<T>(path: string, input: unknown): Promise<TrpcResult<T>> {
      const res = await fetch(`${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers,
      });
      return unwrap<T>((await res.json()) as Envelope);
    },
    /** One batched GET of several queries (as the web app's httpBatchLink sends them). */
    async batch<T>(calls: readonly { path: string; input: unknown }[]): Promise<TrpcResult<T>[]> {
      const paths = calls.map((c) => c.path).join(',');
      const input = Object.fromEntries(calls.map((c, i) => [i, c.input]));
      const res = await fetch(`${baseUrl}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers,
      });
      return ((await res.json()) as Envelope[]).map((e) => unwrap<T>(e));
    },
  };
}

export type Trpc = ReturnType<typeof createTrpc>;

/** The data of a result, or an error naming the call. */
export function dataOf<T>(result: TrpcResult<T>, what: string): T {
  if (result.error || result.data === undefined)
    throw new Error(`${what}: ${result.error?.code ?? 'no data'} ${result.error?.message ?? ''}`);
  return result.data;
}
