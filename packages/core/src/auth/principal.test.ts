import { expect, it } from 'vitest';
import { hasScope } from './principal.ts';

it.each([
  [['admin'], 'users:write', true],
  [['scim'], 'users:write', true],
  [['scim'], 'admin', false],
  [['users:read'], 'users:write', false],
  [['users:write'], 'users:read', true],
  [[], 'users:read', false],
] as const)('%j grants %s: %s', (granted, required, expected) => {
  expect(hasScope(granted, required)).toBe(expected);
});
