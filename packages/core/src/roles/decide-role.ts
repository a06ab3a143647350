import type { UserRole } from '../users/user-enums.ts';
import type { GroupRoleMap, RoleGrant } from './group-role-map.ts';
import type { OrgRole } from './org-role.ts';

export type RoleDecisionInput = {
  /** The user's direct groups (ids). */
  groupIds: readonly string[];
  mappings: readonly GroupRoleMap[];
  orgRoles: readonly Pick<OrgRole, 'id' | 'rank' | 'name'>[];
  /** The user's role and what gave it, as stored. */
  current: { role: UserRole; grant: RoleGrant | null };
  /** The role the user's own SCIM `roles` values map to (null: none sent). */
  attributeRole: UserRole | null;
  defaultRole: UserRole;
};

export type RoleDecision = { role: UserRole; grant: RoleGrant | null };

const TIER: Record<UserRole, number> = { admin: 3, standard: 1, read_only: 0 };
type Candidate = { map: GroupRoleMap; tier: number; rank: number; name: string };

/** admin > org roles (higher rank first, then name) > standard > read_only; ties by group id. */
function outranks(a: Candidate, b: Candidate): boolean {
  if (a.tier !== b.tier) return a.tier > b.tier;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.name !== b.name) return a.name < b.name;
  return a.map.groupId < b.map.groupId;
}

/**
 * A user's role from their groups, the one precedence rule: while the user is in a mapped
 * group, the highest role their mapped groups give wins, over a SCIM `roles` value or a role
 * an admin set. Out of every mapped group, a role that a group gave falls back to the user's
 * SCIM `roles` value, else the org default; a role no group gave is left as it is.
 */
export function decideRole(input: RoleDecisionInput): RoleDecision {
  const roles = new Map(input.orgRoles.map((r) => [r.id, r]));
  const mine = new Set(input.groupIds);
  let best: Candidate | null = null;
  for (const map of input.mappings) {
    if (!mine.has(map.groupId)) continue;
    const orgRole = map.orgRoleId === null ? undefined : roles.get(map.orgRoleId);
    if (map.orgRoleId !== null && !orgRole) continue;
    const candidate: Candidate = orgRole
      ? { map, tier: 2, rank: orgRole.rank, name: orgRole.name }
      : { map, tier: TIER[map.role], rank: 0, name: '' };
    if (!best || outranks(candidate, best)) best = candidate;
  }
  if (best) return { role: best.map.role, grant: { groupId: best.map.groupId, orgRoleId: best.map.orgRoleId } };
  if (input.current.grant) return { role: input.attributeRole ?? input.defaultRole, grant: null };
  return input.current;
}

export const sameDecision = (a: RoleDecision, b: RoleDecision): boolean =>
  a.role === b.role && a.grant?.groupId === b.grant?.groupId && a.grant?.orgRoleId === b.grant?.orgRoleId;
