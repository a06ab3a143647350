import { Agent, request } from 'node:http';

/**
 * `ms`: from the call to the end of the answer; `queuedMs`: the part of it spent waiting in this
 * client for one of its `maxSockets` (the rest is on the wire and in the server).
 * `retryAfter`: the Retry-After header, when there is one.
 */
export type Reply = { status: number; body: string; ms: number; queuedMs: number; retryAfter?: string };

/** A keep-alive HTTP client on loopback with fixed headers; each call resolves with status, body and latency. */
export function createHttp(baseUrl: string, headers: Record<string, string> = {}, maxSockets = 64) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const send = (method: string, path: string, body?: unknown) =>
    new Promise<Reply>((resolve, reject) => {
      const started = performance.now();
      let queuedMs = 0;
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const extra =
        payload === undefined
          ? {}
          : { 'content-type': 'application/scim+json', 'content-length': String(Buffer.byteLength(payload)) };
      const req = request(`${baseUrl}${path}`, { agent, method, headers: { ...headers, ...extra } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            body: text,
            ms: performance.now() - started,
            queuedMs,
            ...(retryAfter === undefined ? {} : { retryAfter }),
          });
        });
      });
      req.once('socket', () => (queuedMs = performance.now() - started));
      req.on('error', reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
}

export type Http = ReturnType<typeof createHttp>;
