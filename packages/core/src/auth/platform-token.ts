import { createHash, timingSafeEqual } from 'node:crypto';

/** The SHA-256 (hex) of the platform admin token: what it is checked against and what its web sessions are bound to. */
export const hashPlatformToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether `token` is the platform admin token whose hash is `expectedHash`, in constant time (both sides are hashes). */
export function isPlatformToken(token: string, expectedHash: string | null): boolean {
  if (!expectedHash) return false;
  const [given, expected] = [Buffer.from(hashPlatformToken(token), 'hex'), Buffer.from(expectedHash, 'hex')];
  return given.length === expected.length && timingSafeEqual(given, expected);
}
