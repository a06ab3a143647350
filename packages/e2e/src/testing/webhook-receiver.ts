import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '@provisio/client';

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; at: number };

/**
 * A real HTTP receiver on loopback: records every request (raw body, headers) and answers with
 * the status `answer(path, n)` returns for the n-th request to that path (default 200).
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, (n: number) => number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const n = received.filter((r) => r.path === path).length;
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.writeHead(answers.get(path)?.(n) ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path: string) => `${base}${path}`,
    /** How `path` answers its n-th request (0-based). */
    answer(path: string, status: (n: number) => number) {
      answers.set(path, status);
    },
    at: (path: string) => received.filter((r) => r.path === path),
    /** The parsed events `path` received, each checked with verifyWebhook against `secret`. */
    verified(path: string, secret: string) {
      return received
        .filter((r) => r.path === path)
        .map((r) => ({
          valid: verifyWebhook(secret, r.headers as Record<string, string>, r.body),
          event: JSON.parse(r.body) as { id: string; type: string; data: { userId?: string } },
        }));
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
