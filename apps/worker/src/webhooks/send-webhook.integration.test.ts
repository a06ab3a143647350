import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSender } from './send-webhook.ts';

type Hit = { path: string; host: string | undefined };
const hits: Hit[] = [];
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/ok': (_req, res) => res.writeHead(204).end(),
  '/redirect': (_req, res) => res.writeHead(302, { location: '/ok' }).end(),
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(Buffer.alloc(1_000_000, 'x'));
  },
  '/silent': () => undefined,
};
const receiver = createServer((req, res) => {
  hits.push({ path: req.url ?? '', host: req.headers.host });
  req.resume();
  const route = routes[req.url ?? ''];
  if (route) route(req, res);
  else res.writeHead(404).end();
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

const post = { body: '{"id":"e1"}', headers: { 'content-type': 'application/json' } };
const loopbackAllowed = createWebhookSender({ allowPrivateTargets: true, timeoutMs: 500, maxResponseBytes: 1_024 });
const hitsTo = (path: string) => hits.filter((h) => h.path === path).length;

describe('target rules without the deployment setting', () => {
  const strict = (resolved: string[]) =>
    createWebhookSender({ allowPrivateTargets: false, resolve: () => Promise.resolve(resolved) });

  it.each([
    ['a loopback literal', 'https://127.0.0.1/ok', ['127.0.0.1']],
    ['a name resolving to loopback', 'https://hooks.example.test/ok', ['127.0.0.1']],
    [
      'a name with one private address among public ones',
      'https://hooks.example.test/ok',
      ['93.184.216.34', '10.0.0.7'],
    ],
    ['a name resolving to the metadata service', 'https://hooks.example.test/ok', ['169.254.169.254']],
    ['plain http', 'http://hooks.example.test/ok', ['93.184.216.34']],
  ])('refuses %s before connecting', async (_name, url, resolved) => {
    const outcome = await strict(resolved)({ url, ...post });
    expect(outcome).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/^refused: /) });
  });
});

it('connects to the address it checked (one resolution), keeping the name for Host', async () => {
  const port = new URL(base).port;
  let lookups = 0;
  const sender = createWebhookSender({
    allowPrivateTargets: true,
    resolve: () => {
      lookups++;
      return Promise.resolve(['127.0.0.1']);
    },
  });
  // `.test` names never resolve in DNS: only the checked address can have been used.
  const outcome = await sender({ url: `http://hooks.example.test:${port}/ok`, ...post });
  expect(outcome).toMatchObject({ ok: true, status: 204 });
  expect(lookups).toBe(1);
  expect(hits.at(-1)).toEqual({ path: '/ok', host: `hooks.example.test:${port}` });
});

it('does not follow a redirect: the attempt fails with the 3xx', async () => {
  const before = hitsTo('/ok');
  const outcome = await loopbackAllowed({ url: `${base}/redirect`, ...post });
  expect(outcome).toMatchObject({ ok: false, status: 302, error: expect.stringMatching(/not followed/) });
  expect(hitsTo('/ok')).toBe(before);
});

it('reads at most maxResponseBytes of an answer', async () => {
  const outcome = await loopbackAllowed({ url: `${base}/huge`, ...post });
  expect(outcome).toMatchObject({ ok: true, status: 200, error: expect.stringMatching(/cut off after 1024 bytes/) });
});

it('gives up on a receiver that never answers at the time bound', async () => {
  const outcome = await loopbackAllowed({ url: `${base}/silent`, ...post });
  expect(outcome).toMatchObject({ ok: false, status: null, error: 'no complete answer within 500 ms' });
});

it('counts a 4xx or 5xx as a failure with its status', async () => {
  expect(await loopbackAllowed({ url: `${base}/missing`, ...post })).toMatchObject({ ok: false, status: 404 });
});
