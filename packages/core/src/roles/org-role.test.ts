import { describe, expect, it } from 'vitest';
import { assertNotBuiltIn, orgRoleKey } from './org-role.ts';

describe('org role names', () => {
  it('compare ignoring case, spaces and dashes', () => {
    expect(orgRoleKey(' Site Reliability ')).toBe(orgRoleKey('site-reliability'));
  });

  it('cannot shadow a built-in role', () => {
    for (const name of ['Admin', 'read only', 'READ-ONLY', 'Standard'])
      expect(() => assertNotBuiltIn(name)).toThrow(/built-in role/);
    expect(() => assertNotBuiltIn('Administrator')).not.toThrow();
  });
});
