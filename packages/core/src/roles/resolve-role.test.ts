import { describe, expect, it } from 'vitest';
import { resolveRole } from './resolve-role.ts';
import { delegatesAdmin, RoleMappingSchema } from './role-mapping.ts';

const none = { mapping: [], defaultRole: 'standard' as const };

describe('resolveRole', () => {
  it('keeps the current role when SCIM sends no roles', () => {
    expect(resolveRole(undefined, none)).toBeNull();
    expect(resolveRole([], none)).toBeNull();
  });

  it('maps our non-admin role names without configuration, in any case or spelling', () => {
    expect(resolveRole([{ value: '0a1b-uuid', display: 'Read Only' }], none)).toEqual({
      role: 'read_only',
      unmatched: [],
      fellBack: false,
    });
    expect(resolveRole([{ value: 'read-only' }], { mapping: [], defaultRole: 'standard' })?.role).toBe('read_only');
    expect(resolveRole([{ value: 'STANDARD' }], { mapping: [], defaultRole: 'read_only' })?.role).toBe('standard');
  });

  it('maps nothing to admin unless the org mapped a value to it', () => {
    expect(resolveRole([{ value: 'Admin' }], none)).toEqual({ role: 'standard', unmatched: ['Admin'], fellBack: true });
    expect(resolveRole([{ value: 'x', display: 'admin' }], none)?.role).toBe('standard');
    const mapping = [{ value: 'Provisio Admins', role: 'admin' as const }];
    expect(resolveRole([{ value: 'provisio-admins' }], { mapping, defaultRole: 'standard' })).toEqual({
      role: 'admin',
      unmatched: [],
      fellBack: false,
    });
    expect(resolveRole([{ value: 'admin' }], { mapping, defaultRole: 'read_only' })?.role).toBe('read_only');
  });

  it('lets the org mapping override the built-in names and map any value', () => {
    const mapping = [
      { value: 'standard', role: 'read_only' as const },
      { value: 'Engineering.Team$', role: 'standard' as const },
    ];
    expect(resolveRole([{ value: 'Standard' }], { mapping, defaultRole: 'standard' })?.role).toBe('read_only');
    expect(resolveRole([{ value: 'engineering.team$' }], { mapping, defaultRole: 'read_only' })?.role).toBe('standard');
  });

  it('prefers the primary of several matching roles, else the first', () => {
    expect(resolveRole([{ value: 'standard' }, { value: 'read_only', primary: true }], none)?.role).toBe('read_only');
    expect(resolveRole([{ value: 'read_only' }, { value: 'standard' }], none)?.role).toBe('read_only');
  });

  it('falls back to the org default for unknown values and reports them', () => {
    expect(
      resolveRole([{ value: 'Superhero' }, { value: 'Intern' }], { mapping: [], defaultRole: 'read_only' }),
    ).toEqual({ role: 'read_only', unmatched: ['Superhero', 'Intern'], fellBack: true });
    expect(
      resolveRole([{ value: 'Superhero' }, { value: 'standard' }], { mapping: [], defaultRole: 'read_only' }),
    ).toEqual({ role: 'standard', unmatched: ['Superhero'], fellBack: false });
  });
});

describe('role mapping setting', () => {
  it('refuses the same value twice as it would compare, and says so', () => {
    const parsed = RoleMappingSchema.safeParse([
      { value: 'IT Admins', role: 'admin' },
      { value: 'it-admins', role: 'standard' },
    ]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: [1, 'value'],
      message: expect.stringMatching(/mapped twice/),
    });
  });

  it('tells whether admin was delegated', () => {
    expect(delegatesAdmin([])).toBe(false);
    expect(delegatesAdmin([{ value: 'Staff', role: 'standard' }])).toBe(false);
    expect(delegatesAdmin([{ value: 'Admins', role: 'admin' }])).toBe(true);
  });
});
