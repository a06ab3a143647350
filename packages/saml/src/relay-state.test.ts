import { describe, expect, it } from 'vitest';
import { isSafeRelayState } from './relay-state.ts';

describe('isSafeRelayState', () => {
  it.each(['/', '/users', '/account?tab=groups', '/users/abc#top'])('accepts the same-site path %s', (value) => {
    expect(isSafeRelayState(value)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    '/javascript:alert(1)',
    'users',
    '/a\nb',
    '',
    `/${'a'.repeat(600)}`,
  ])('refuses %j', (value) => {
    expect(isSafeRelayState(value)).toBe(false);
  });
});
