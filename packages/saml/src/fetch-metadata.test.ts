import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchIdpMetadata } from './fetch-metadata.ts';

// A loopback HTTP server standing in for an IdP's metadata endpoint (no outside service).
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') return void res.end('<md:EntityDescriptor/>');
    if (req.url === '/big') return void res.end('x'.repeat(2048));
    if (req.url === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (req.url === '/hop') return void res.writeHead(302, { location: '/ok' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/slow') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

// A generous timeout for the answers (a loaded machine is slow); only the silent server's test uses a short one.
const limits = { timeoutMs: 30_000, maxBytes: 1024, maxRedirects: 3 };

describe('fetchIdpMetadata', () => {
  it('reads the body, following a same-scheme redirect', async () => {
    expect(await fetchIdpMetadata(`${base}/hop`, limits)).toBe('<md:EntityDescriptor/>');
  });

  it.each([
    ['file:///etc/passwd', /must be http or https/],
    ['not a url', /not a URL/],
  ])('refuses %s', async (url, message) => {
    await expect(fetchIdpMetadata(url, limits)).rejects.toThrow(message);
  });

  it('refuses a redirect to another scheme', async () => {
    await expect(fetchIdpMetadata(`${base}/to-file`, limits)).rejects.toThrow(/must be http or https/);
  });

  it('refuses endless redirects', async () => {
    await expect(fetchIdpMetadata(`${base}/loop`, limits)).rejects.toThrow(/redirects too many times/);
  });

  it('refuses a body over the size limit', async () => {
    await expect(fetchIdpMetadata(`${base}/big`, limits)).rejects.toThrow(/larger than 1 KB/);
  });

  it('refuses an error status', async () => {
    await expect(fetchIdpMetadata(`${base}/missing`, limits)).rejects.toThrow(/HTTP 404/);
  });

  it('gives up on a server that never answers', async () => {
    await expect(fetchIdpMetadata(`${base}/slow`, { ...limits, timeoutMs: 300 })).rejects.toThrow(
      /did not answer within 0.3 s/,
    );
  });
});
