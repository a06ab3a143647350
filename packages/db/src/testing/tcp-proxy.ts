import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of one service (FerretDB) that a test or the fault harness can
 * cut and restore: the database "goes away" for the clients behind it only, never for other
 * users of the shared test service.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.once('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
      });
      server.once('error', reject).listen(port, '127.0.0.1', () => {
        port = (server?.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  let cut = false;
  return {
    get port() {
      return port;
    },
    /** Client connections open through the proxy (each has its upstream twin). */
    connections: () => sockets.size / 2,
    /** Refuses new connections and drops open ones. */
    async cut() {
      if (cut) return;
      cut = true;
      const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    /** Listens again on the same port. */
    async restore() {
      if (!cut) return;
      await listen();
      cut = false;
    },
    close() {
      return this.cut();
    },
  };
}
