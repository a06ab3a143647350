import { createHmac } from 'node:crypto';

/** The headers a delivery carries; `@provisio/client`'s `verifyWebhook` reads the same names. */
export const WEBHOOK_HEADERS = {
  /** Unix seconds when the delivery was signed: part of the signed text, so a replay later fails. */
  timestamp: 'provisio-timestamp',
  /** `v1=<hex HMAC-SHA256>`, one per live secret (two while a rotation overlaps), comma-separated. */
  signature: 'provisio-signature',
} as const;

/** `v1=` HMAC-SHA256 over `<timestamp>.<body>` with the secret as key. */
export const webhookSignature = (secret: string, timestamp: number, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * The signing headers of one delivery: one signature per live secret, so a receiver holding
 * either the old or the new secret accepts it while a rotation overlaps.
 */
export function signWebhook(secrets: readonly string[], body: string, now: Date): Record<string, string> {
  if (secrets.length === 0) throw new Error('a webhook endpoint always has a live secret');
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: secrets.map((s) => webhookSignature(s, timestamp, body)).join(','),
  };
}
