import { describe, expect, it } from 'vitest';
import { resolveRole } from './resolve-role.ts';

describe('resolveRole', () => {
  it('keeps the current role when SCIM sends no roles', () => {
    expect(resolveRole(undefined, 'standard')).toBeNull();
    expect(resolveRole([], 'standard')).toBeNull();
  });

  it('sets a role named by value or display, in any case or spelling', () => {
    expect(resolveRole([{ value: 'Admin' }], 'standard')).toEqual({ role: 'admin', unmatched: [], fellBack: false });
    expect(resolveRole([{ value: '0a1b-uuid', display: 'Read Only' }], 'standard')).toEqual({ role: 'read_only', unmatched: [], fellBack: false });
    expect(resolveRole([{ value: 'read-only' }], 'admin')?.role).toBe('read_only');
  });

  it('prefers the primary of several matching roles, else the first', () => {
    expect(resolveRole([{ value: 'standard' }, { value: 'admin', primary: true }], 'read_only')?.role).toBe('admin');
    expect(resolveRole([{ value: 'standard' }, { value: 'admin' }], 'read_only')?.role).toBe('standard');
  });

  it('falls back to the org default for unknown values and reports them', () => {
    expect(resolveRole([{ value: 'Superhero' }, { value: 'Intern' }], 'read_only')).toEqual({ role: 'read_only', unmatched: ['Superhero', 'Intern'], fellBack: true });
    expect(resolveRole([{ value: 'Superhero' }, { value: 'admin' }], 'read_only')).toEqual({ role: 'admin', unmatched: ['Superhero'], fellBack: false });
  });
});
