import type { UserRole } from '../users/user-enums.ts';
import type { GroupRoleMap } from './group-role-map.ts';
import type { OrgRole, OrgRoleFields } from './org-role.ts';

export type NewGroupRoleMap = { groupId: string; role: UserRole; orgRoleId: string | null; now: Date };

/** An org's own roles and its group → role mappings, one org at a time. */
export interface RoleRepository {
  listRoles(orgId: string): Promise<OrgRole[]>;
  /** @throws AppError CONFLICT (`uniqueness`) when the org has a role of that name (as `orgRoleKey` compares). */
  insertRole(orgId: string, role: OrgRoleFields & { id: string; now: Date }): Promise<OrgRole>;
  /** Null when there is no such role. @throws AppError CONFLICT as `insertRole`. */
  updateRole(orgId: string, id: string, fields: OrgRoleFields): Promise<OrgRole | null>;
  deleteRole(orgId: string, id: string): Promise<boolean>;
  listMappings(orgId: string): Promise<GroupRoleMap[]>;
  /** The mapping of one group (one read by id: every membership change asks it). */
  mappingOf(orgId: string, groupId: string): Promise<GroupRoleMap | null>;
  /** Creates or replaces the group's mapping. */
  setMapping(orgId: string, map: NewGroupRoleMap): Promise<GroupRoleMap>;
  deleteMapping(orgId: string, groupId: string): Promise<boolean>;
  /** Up to `limit` member ids of a group after `after`, in id order (keyset: pages over any group size). */
  memberIdsAfter(orgId: string, groupId: string, after: string | null, limit: number): Promise<string[]>;
}
