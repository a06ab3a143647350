import { expect, it } from 'vitest';
import { isActiveStatus, nextStatus } from './user-status.ts';

it.each([
  ['invited', false, null, 'deactivated'],
  ['active', false, '2024-01-01T00:00:00.000Z', 'deactivated'],
  ['deactivated', false, null, 'deactivated'],
  ['deactivated', true, null, 'invited'],
  ['deactivated', true, '2024-01-01T00:00:00.000Z', 'active'],
  ['invited', true, null, 'invited'],
  ['active', true, '2024-01-01T00:00:00.000Z', 'active'],
] as const)('%s + active:%s (accepted %s) → %s', (current, active, acceptedAt, expected) => {
  expect(nextStatus(current, active, acceptedAt)).toBe(expected);
});

it('reads invited as active (Okta loops otherwise)', () => {
  expect([isActiveStatus('invited'), isActiveStatus('active'), isActiveStatus('deactivated')]).toEqual([
    true,
    true,
    false,
  ]);
});
