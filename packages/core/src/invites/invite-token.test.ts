import { expect, it } from 'vitest';
import { generateInviteToken, hashInviteToken, looksLikeInviteToken } from './invite-token.ts';

it('makes 256-bit URL-safe tokens and stores only their hash', () => {
  const { token, tokenHash } = generateInviteToken();
  expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  expect(looksLikeInviteToken(token)).toBe(true);
  expect(tokenHash).not.toContain(token);
  expect(hashInviteToken(token)).toBe(tokenHash);
  expect(generateInviteToken().token).not.toBe(token);
});

it.each(['', 'short', 'x'.repeat(43) + '!', '../../etc/passwd', 'a'.repeat(44)])(
  'rejects %j as a token shape',
  (token) => {
    expect(looksLikeInviteToken(token)).toBe(false);
  },
);
