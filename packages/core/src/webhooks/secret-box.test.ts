import { expect, it } from 'vitest';
import { deriveWebhookSecretKey, newWebhookSecret, openSecret, sealSecret } from './secret-box.ts';

const key = deriveWebhookSecretKey('p'.repeat(32));

it('seals a secret so only the same key and endpoint open it', () => {
  const secret = newWebhookSecret();
  const sealed = sealSecret(key, secret, 'ep1');
  expect(sealed).not.toContain(secret);
  expect(openSecret(key, sealed, 'ep1')).toBe(secret);
  expect(() => openSecret(key, sealed, 'ep2')).toThrow();
  expect(() => openSecret(deriveWebhookSecretKey('q'.repeat(32)), sealed, 'ep1')).toThrow();
});

it('seals the same secret differently each time (fresh IV)', () => {
  expect(sealSecret(key, 'whsec_x', 'ep1')).not.toBe(sealSecret(key, 'whsec_x', 'ep1'));
});
