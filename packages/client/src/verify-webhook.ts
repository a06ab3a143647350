import { createHmac, timingSafeEqual } from 'node:crypto';

/** Node's `req.headers`, a fetch `Headers`, or a plain record. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export type VerifyWebhookOptions = {
  /** How far the delivery's timestamp may be from now, in seconds (default 300): older is a replay. */
  toleranceSeconds?: number;
  /** For tests. */
  now?: Date;
};

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Whether a webhook delivery was signed by Provisio with `secret` and is fresh. `body` must be
 * the raw request body, byte for byte (not re-serialised JSON). A delivery carries one
 * signature per live secret of its endpoint, so during a rotation either secret verifies.
 * Answer 401 when it is false; the raw body of an HTTP framework usually needs its raw-body parser.
 */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): boolean {
  const timestamp = header(headers, 'provisio-timestamp');
  const signatures = header(headers, 'provisio-signature');
  if (!timestamp || !/^\d+$/.test(timestamp) || !signatures) return false;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > (options.toleranceSeconds ?? 300)) return false;
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.${text}`).digest('hex'));
  return signatures.split(',').some((part) => {
    const [version, hex] = part.trim().split('=', 2);
    if (version !== 'v1' || !hex) return false;
    const given = Buffer.from(hex);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
