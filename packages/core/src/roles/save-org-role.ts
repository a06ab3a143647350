import { AppError } from '../errors/app-error.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { assertNotBuiltIn, OrgRoleFieldsSchema } from './org-role.ts';
import type { OrgRole, OrgRoleFields } from './org-role.ts';
import type { RoleAdminDeps } from './role-admin-deps.ts';
import { recomputeMappedMembers } from './recompute-mapped-members.ts';

export type SaveOrgRoleOptions = {
  orgId: string;
  /** Absent: a new role. */
  id?: string | undefined;
  fields: OrgRoleFields;
};

/**
 * Creates or changes an org role. A new rank can change who wins among a user's groups, so
 * the members of every group mapped to an org role are recomputed after a rank change.
 * @throws AppError BAD_REQUEST for a built-in name, CONFLICT for a name the org has, NOT_FOUND.
 */
export async function saveOrgRole(deps: RoleAdminDeps, { orgId, id, fields }: SaveOrgRoleOptions): Promise<OrgRole> {
  const clean = OrgRoleFieldsSchema.parse(fields);
  assertNotBuiltIn(clean.name);
  if (id === undefined) {
    const now = deps.clock.now();
    return deps.roles.insertRole(orgId, { ...clean, id: uuidV7(now.getTime()), now });
  }
  const before = (await deps.roles.listRoles(orgId)).find((r) => r.id === id);
  const saved = before ? await deps.roles.updateRole(orgId, id, clean) : null;
  if (!before || !saved) throw new AppError('NOT_FOUND', { message: `role ${id} not found` });
  if (before.rank !== saved.rank)
    await recomputeMappedMembers(deps, {
      orgId,
      only: (m) => m.orgRoleId !== null,
      cause: `rank of role ${saved.name} changed`,
    });
  return saved;
}
