import type { UserRepository } from '../users/user-repository.ts';
import { admitDeprovision } from './admit-deprovision.ts';
import type { AdmitDeprovisionDeps } from './admit-deprovision.ts';

/**
 * The user repository, with every deprovision (a write that deactivates a user who was not,
 * or a delete) admitted by the brake first. Wrapping the port, as `withUserEffects` does,
 * covers every path that deprovisions: PATCH in Okta's and Entra's forms, PUT, DELETE, Bulk.
 */
export function withDeprovisionBrake(users: UserRepository, deps: AdmitDeprovisionDeps): UserRepository {
  return {
    ...users,
    async updateIfVersion(orgId, id, expectedVersion, changes) {
      if (changes.status === 'deactivated' && changes.previous.status !== 'deactivated')
        await admitDeprovision(deps, { orgId, userId: id, userName: changes.previous.userName, action: 'deactivate' });
      return users.updateIfVersion(orgId, id, expectedVersion, changes);
    },
    async delete(orgId, id, removal) {
      const user = removal.read === undefined ? await users.findById(orgId, id) : removal.read;
      if (user) await admitDeprovision(deps, { orgId, userId: id, userName: user.userName, action: 'delete' });
      return users.delete(orgId, id, removal);
    },
  };
}
