import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe. Made at send time, mailed, never stored. */
export function generateInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInviteToken(token) };
}

/** A fast hash suffices: the token has 256 bits of entropy, so there is nothing to brute-force. */
export const hashInviteToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Cheap shape check so garbage never reaches the database. */
export const looksLikeInviteToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
