import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The key webhook signing secrets are encrypted with at rest. It is derived from the platform
 * secret (`PROVISIO_ADMIN_TOKEN`) through the list-cursor key (itself an HMAC of that secret,
 * which every request context already holds), so every server and worker replica derives the
 * same key and none is stored. A signing secret must be recoverable to sign with (HMAC needs
 * it in clear), so it is sealed, never hashed. Changing the platform token makes stored
 * secrets unreadable: rotate each endpoint's secret after.
 */
export const deriveWebhookSecretKey = (listCursorKey: string): Buffer =>
  createHmac('sha256', listCursorKey).update('provisio webhook secrets v1').digest();

const b64 = (b: Buffer) => b.toString('base64url');

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`; bound to the endpoint id so a sealed value cannot be moved to another endpoint. */
export function sealSecret(key: Buffer, secret: string, endpointId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(endpointId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join('.');
}

/** The secret `sealSecret` sealed; throws when the key or the endpoint differ (tampered or platform secret changed). */
export function openSecret(key: Buffer, sealed: string, endpointId: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('not a sealed webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    .setAAD(Buffer.from(endpointId))
    .setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** A new signing secret: `whsec_` and 32 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
