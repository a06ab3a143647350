import { expect, it } from 'vitest';
import { UUID_PATTERN, uuidV7 } from './uuid-v7.ts';

it('is a version-7 UUID', () => {
  const id = uuidV7();
  expect(id).toMatch(UUID_PATTERN);
  expect(id[14]).toBe('7');
  expect('89ab').toContain(id[19]);
});

it('sorts by creation time', () => {
  const ids = [1_000, 2_000, 3_000_000_000_000].map((t) => uuidV7(t));
  expect([...ids].sort()).toEqual(ids);
});
