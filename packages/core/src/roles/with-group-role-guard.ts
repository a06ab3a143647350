import type { AuditCollector } from '../audit/audit-collector.ts';
import { AppError } from '../errors/app-error.ts';
import type { UserRepository } from '../users/user-repository.ts';

export type GroupRoleGuardOptions = {
  audit: AuditCollector | undefined;
  /** True for the IdP (a SCIM `roles` value is ignored, noted); false for an org principal over tRPC (refused). */
  fromIdp: boolean;
};

/**
 * While a mapped group gives a user's role, the groups decide (the one precedence rule of
 * `decideRole`): a role named by a SCIM `roles` value is kept out of the write and noted, a
 * role named over tRPC is refused with the group to change instead. The recompute itself
 * writes `roleGrant` with the role, so it passes.
 */
export function withGroupRoleGuard(users: UserRepository, options: GroupRoleGuardOptions): UserRepository {
  return {
    ...users,
    async updateIfVersion(orgId, id, expectedVersion, changes) {
      const grant = changes.previous.roleGrant;
      if (!grant || changes.roleGrant !== undefined || !changes.role || changes.role === changes.previous.role)
        return users.updateIfVersion(orgId, id, expectedVersion, changes);
      const why = `the role of user ${id} comes from mapped group ${grant.groupId}`;
      if (!options.fromIdp)
        throw new AppError('CONFLICT', {
          message: `${why}: change that group's role mapping (roles.mapGroup) or its members instead`,
        });
      options.audit?.note(`${why}; the SCIM roles value asking for '${changes.role}' was not applied`);
      const { role: _ignored, ...kept } = changes;
      return users.updateIfVersion(orgId, id, expectedVersion, kept);
    },
  };
}
