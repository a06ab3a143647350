import { hashPlatformToken, isPlatformToken } from '@provisio/core';
import type { Principal } from '@provisio/core';

/** Resolves the platform admin token in constant time (hashing first evens out the lengths). */
export function platformTokenResolver(adminToken: string) {
  const expected = hashPlatformToken(adminToken);
  return (token: string): Principal | null => (isPlatformToken(token, expected) ? { kind: 'platform' } : null);
}
