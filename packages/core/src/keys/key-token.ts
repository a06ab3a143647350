import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Recognisable by secret scanners and humans alike: `pvk_<key id>_<secret>`. */
export const KEY_TOKEN_PREFIX = 'pvk_';
const SECRET_BYTES = 32;
const TOKEN = /^pvk_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** 256 bits from the OS CSPRNG, base64url (43 characters). */
export const generateKeySecret = (): string => randomBytes(SECRET_BYTES).toString('base64url');

export const formatKeyToken = (keyId: string, secret: string): string => `${KEY_TOKEN_PREFIX}${keyId}_${secret}`;

/** The key id and secret of a well-formed token, or null (then it is no key of ours). */
export function parseKeyToken(token: string): { keyId: string; secret: string } | null {
  const match = TOKEN.exec(token);
  if (!match?.[1] || !match[2]) return null;
  return { keyId: match[1], secret: match[2] };
}

/**
 * SHA-256 of the secret. A slow hash buys nothing for 256 random bits (no dictionary to
 * try), and auth runs on every request.
 */
export const hashKeySecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashKeySecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
