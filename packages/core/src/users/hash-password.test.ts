import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, PASSWORD_HASH_PARAMS, verifyPassword } from './hash-password.ts';

const LEGACY = { N: 16_384, r: 8, p: 1 };

// Each hash at the production cost takes 0.1–1 s of CPU, more on a busy machine.
describe('password hashes', { timeout: 30_000 }, () => {
  it('hashes with scrypt N=2^17, r=8, p=1 and verifies', async () => {
    const hash = await hashPassword('1mz050nq-long-enough');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(PASSWORD_HASH_PARAMS).toEqual({ N: 131_072, r: 8, p: 1 });
    await expect(verifyPassword('1mz050nq-long-enough', hash)).resolves.toBe(true);
    await expect(verifyPassword('wrong', hash)).resolves.toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('verifies a hash of older parameters and marks it for rehashing', async () => {
    const old = await hashPassword('an older password', LEGACY);
    expect(old).toMatch(/^scrypt\$16384\$8\$1\$/);
    await expect(verifyPassword('an older password', old)).resolves.toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('refuses, without computing, hashes whose parameters are malformed or beyond the limits', async () => {
    for (const stored of [
      'scrypt$1073741824$8$1$c2FsdA$aGFzaA',
      'scrypt$1000$8$1$c2FsdA$aGFzaA',
      'scrypt$16384$0$1$c2FsdA$aGFzaA',
      'bcrypt$x',
      '',
    ]) {
      await expect(verifyPassword('anything', stored)).resolves.toBe(false);
      expect(needsRehash(stored)).toBe(false);
    }
  });
});
