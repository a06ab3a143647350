import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { formatKeyToken, generateKeySecret, hashKeySecret, parseKeyToken, secretMatches } from './key-token.ts';
import { revocationMessage } from './revocation-message.ts';

describe('application key tokens', () => {
  it('are pvk_<id>_<256-bit secret> and parse back', () => {
    const id = uuidV7();
    const secret = generateKeySecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const token = formatKeyToken(id, secret);
    expect(token).toMatch(/^pvk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    expect(parseKeyToken(token)).toEqual({ keyId: id, secret });
  });

  it('rejects anything else without throwing', () => {
    for (const token of [
      '',
      'pvk_',
      'Bearer x',
      `pvk_${uuidV7()}_short`,
      `xyz_${uuidV7()}_${generateKeySecret()}`,
      `pvk_${uuidV7()}_${generateKeySecret()}x`,
    ]) {
      expect(parseKeyToken(token)).toBeNull();
    }
  });

  it('stores a SHA-256 and compares in constant time', () => {
    const secret = generateKeySecret();
    const hash = hashKeySecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(generateKeySecret(), hash)).toBe(false);
    expect(secretMatches(secret, 'not-hex')).toBe(false);
  });

  it('explains a revocation by deprovisioning, with the fix', () => {
    const message = revocationMessage({
      revokedAt: '2026-01-01T00:00:00.000Z',
      revokedReason: 'owner_deactivated',
      ownerType: 'user',
      ownerId: 'u1',
    });
    expect(message).toMatch(/owner \(user u1\) was deprovisioned \(deactivated\).*service account/);
    expect(
      revocationMessage({
        revokedAt: '2026-01-01T00:00:00.000Z',
        revokedReason: 'revoked',
        ownerType: 'user',
        ownerId: 'u1',
      }),
    ).toMatch(/revoked at 2026/);
  });
});
