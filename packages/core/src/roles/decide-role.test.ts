import { describe, expect, it } from 'vitest';
import { decideRole } from './decide-role.ts';
import type { RoleDecisionInput } from './decide-role.ts';
import type { GroupRoleMap } from './group-role-map.ts';

const created = '2026-12-03T00:00:00.000Z';
const map = (groupId: string, role: GroupRoleMap['role'], orgRoleId: string | null = null): GroupRoleMap => ({
  groupId,
  role,
  orgRoleId,
  created,
});
const mappings = [
  map('g-admins', 'admin'),
  map('g-staff', 'standard'),
  map('g-readers', 'read_only'),
  map('g-eng', 'standard', 'r-eng'),
  map('g-sre', 'standard', 'r-sre'),
];
const orgRoles = [
  { id: 'r-eng', name: 'Engineer', rank: 10 },
  { id: 'r-sre', name: 'SRE', rank: 20 },
];
const input = (over: Partial<RoleDecisionInput>): RoleDecisionInput => ({
  groupIds: [],
  mappings,
  orgRoles,
  current: { role: 'standard', grant: null },
  attributeRole: null,
  defaultRole: 'standard',
  ...over,
});

describe('decideRole', () => {
  it('gives the highest role of the mapped groups: admin > org roles by rank > standard > read_only', () => {
    const role = (groupIds: string[]) => decideRole(input({ groupIds }));
    expect(role(['g-readers', 'g-admins', 'g-eng'])).toEqual({
      role: 'admin',
      grant: { groupId: 'g-admins', orgRoleId: null },
    });
    expect(role(['g-readers', 'g-eng', 'g-sre', 'g-staff'])).toEqual({
      role: 'standard',
      grant: { groupId: 'g-sre', orgRoleId: 'r-sre' },
    });
    expect(role(['g-readers', 'g-staff'])).toEqual({
      role: 'standard',
      grant: { groupId: 'g-staff', orgRoleId: null },
    });
    expect(role(['g-readers', 'unmapped'])).toEqual({
      role: 'read_only',
      grant: { groupId: 'g-readers', orgRoleId: null },
    });
  });

  it('overrides a SCIM roles value or an admin-set role while a mapped group applies', () => {
    const decided = decideRole(
      input({ groupIds: ['g-readers'], current: { role: 'admin', grant: null }, attributeRole: 'admin' }),
    );
    expect(decided.role).toBe('read_only');
  });

  it('falls back to the SCIM roles value, else the default, when the role a group gave has no group left', () => {
    const current = { role: 'admin' as const, grant: { groupId: 'g-admins', orgRoleId: null } };
    expect(decideRole(input({ current, attributeRole: 'read_only' }))).toEqual({ role: 'read_only', grant: null });
    expect(decideRole(input({ current, defaultRole: 'read_only' }))).toEqual({ role: 'read_only', grant: null });
  });

  it('leaves a role no group gave as it is when the user is in no mapped group', () => {
    const current = { role: 'admin' as const, grant: null };
    expect(decideRole(input({ groupIds: ['unmapped'], current }))).toBe(current);
  });

  it('ignores a mapping to an org role that no longer exists, and breaks ties by group id', () => {
    expect(decideRole(input({ groupIds: ['g-eng'], orgRoles: [] })).grant).toBeNull();
    const twins = [map('b', 'standard'), map('a', 'standard')];
    expect(decideRole(input({ groupIds: ['b', 'a'], mappings: twins })).grant?.groupId).toBe('a');
  });
});
