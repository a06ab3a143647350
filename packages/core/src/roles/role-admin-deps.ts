import type { GroupRepository } from '../groups/group-repository.ts';
import type { RoleRecomputeDeps } from './recompute-user-roles.ts';

/** What an org admin's role edits need: the recompute's deps and the groups (names, existence). */
export type RoleAdminDeps = RoleRecomputeDeps & { groups: Pick<GroupRepository, 'findById'> };
