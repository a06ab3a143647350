import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress, webhookTargetProblem } from '@provisio/core/webhooks';
import type { SendOutcome, WebhookSender } from '@provisio/core/webhooks';

export type SenderOptions = {
  /** A deployment setting: private, loopback and link-local targets allowed (tests allow loopback). */
  allowPrivateTargets: boolean;
  /** The whole attempt, connect to last byte (default 10 s). */
  timeoutMs?: number;
  /** Response bytes read at most; the rest is cut off (default 64 KiB). */
  maxResponseBytes?: number;
  /** Name to addresses (default: the system resolver); tests point names where they need. */
  resolve?: (host: string) => Promise<string[]>;
};

const systemResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

class Refused extends Error {}

/** The one address to connect to: resolved once and checked, so a second lookup cannot point elsewhere (DNS rebinding). */
async function checkedAddress(
  url: URL,
  allowPrivate: boolean,
  resolve: (host: string) => Promise<string[]>,
): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await resolve(host);
  const first = addresses[0];
  if (!first) throw new Refused(`${host} did not resolve`);
  if (!allowPrivate && !addresses.every(isPublicAddress))
    throw new Refused(`${host} resolves to a private, loopback or link-local address`);
  return first;
}

/**
 * Posts with Node's http client, which follows no redirect (a 3xx is a failed attempt), to
 * the address checked before the connect, with the name kept for TLS and `Host`. Bounded in
 * time and in the bytes read back; the response body is never stored or logged.
 */
export function createWebhookSender(options: SenderOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxResponseBytes ?? 65_536;
  return async ({ url: raw, body, headers }) => {
    const started = performance.now();
    const done = (outcome: Omit<SendOutcome, 'durationMs'>): SendOutcome => ({
      ...outcome,
      durationMs: Math.round(performance.now() - started),
    });
    const problem = webhookTargetProblem(raw, { allowPrivate: options.allowPrivateTargets });
    if (problem) return done({ ok: false, status: null, error: `refused: ${problem}` });
    const url = new URL(raw);
    let address: string;
    try {
      address = await checkedAddress(url, options.allowPrivateTargets, options.resolve ?? systemResolve);
    } catch (error) {
      const reason = error instanceof Refused ? error.message : `${url.hostname} did not resolve`;
      return done({ ok: false, status: null, error: `refused: ${reason}` });
    }
    return new Promise<SendOutcome>((resolve) => {
      const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = request({
        method: 'POST',
        host: address,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        servername: isIP(url.hostname) ? undefined : url.hostname,
        headers: { ...headers, host: url.host, 'content-length': String(Buffer.byteLength(body)) },
      });
      const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
        clearTimeout(timer);
        req.destroy();
        resolve(done(outcome));
      };
      const timer = setTimeout(
        () => finish({ ok: false, status: null, error: `no complete answer within ${timeoutMs} ms` }),
        timeoutMs,
      );
      req.on('error', (error) => finish({ ok: false, status: null, error: `connection failed: ${error.message}` }));
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const verdict = (): Omit<SendOutcome, 'durationMs'> => {
          if (status >= 200 && status < 300) return { ok: true, status, error: null };
          if (status >= 300 && status < 400)
            return { ok: false, status, error: `redirect to ${res.headers.location ?? '?'} not followed` };
          return { ok: false, status, error: `answered ${status}` };
        };
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > maxBytes)
            finish({ ...verdict(), error: verdict().error ?? `answer cut off after ${maxBytes} bytes` });
        });
        res.on('end', () => finish(verdict()));
        res.on('error', (error) => finish({ ok: false, status, error: `answer broke off: ${error.message}` }));
      });
      req.end(body);
    });
  };
}
