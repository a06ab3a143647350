import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Refused connections are not retried on an upstream for this long (it is draining or down). */
const SKIP_REFUSED_MS = 1_000;
/** How often each upstream's `/readyz` is read (a draining replica answers 503 before it stops listening). */
const HEALTH_CHECK_MS = 200;

/**
 * A tiny round-robin HTTP load balancer on loopback, as a deployment puts in front of the
 * server replicas: one request at a time per upstream connection (no keep-alive upstream, so a
 * draining replica never gets a request on a socket it is closing), and a request whose
 * connection is refused goes to the next replica (nothing was sent: nginx's
 * `proxy_next_upstream error`), and a replica whose `/readyz` answered 503 gets no new request
 * while another is ready (a deployment's health check). Responses stream through (SSE works). A failure after the
 * request reached a replica is the client's 502: that is what the scenarios count.
 */
export async function startBalancer(upstreams: () => readonly number[]) {
  let next = 0;
  const refusedUntil = new Map<number, number>();
  const notReady = new Set<number>();
  const checkHealth = () => {
    for (const port of upstreams()) {
      const check = request({ host: '127.0.0.1', port, path: '/readyz', agent: false, timeout: 1_000 }, (reply) => {
        reply.resume();
        if (reply.statusCode === 200) notReady.delete(port);
        else notReady.add(port);
      });
      check.on('timeout', () => check.destroy());
      check.on('error', () => undefined);
      check.end();
    }
  };
  const health = setInterval(checkHealth, HEALTH_CHECK_MS).unref();
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tried: Set<number>) => {
    const ports = upstreams();
    const candidates = ports.filter(
      (p) => !tried.has(p) && !notReady.has(p) && (refusedUntil.get(p) ?? 0) <= Date.now(),
    );
    const fallback = ports.filter((p) => !tried.has(p));
    const pool = candidates.length ? candidates : fallback;
    if (!pool.length) return void res.writeHead(502, { 'content-type': 'text/plain' }).end('no replica answered');
    const port = pool[next++ % pool.length] as number;
    tried.add(port);
    const headers = { ...req.headers, connection: 'close', 'x-forwarded-for': req.socket.remoteAddress ?? '' };
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent: false });
    upstream.on('response', (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
      res.once('close', () => reply.destroy());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') {
        refusedUntil.set(port, Date.now() + SKIP_REFUSED_MS);
        return forward(req, res, body, tried);
      }
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`replica failed: ${error.code}`);
      else res.destroy();
    });
    upstream.end(body);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(health);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
