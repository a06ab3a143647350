import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.ts';
import type { UserRecord } from './user-labels.ts';
import { ROLE_LABELS } from './user-labels.ts';

export type RoleShown = { label: string; why: string };

/** The org's roles and group mappings (one query, shared by every row), and how to show a user's role and its reason. */
export function useRoleSetup() {
  const trpc = useTRPC();
  const setup = useQuery(trpc.roles.list.queryOptions());
  const roleNames = new Map(setup.data?.roles.map((r) => [r.id, r.name]));
  const groupNames = new Map(setup.data?.mappings.map((m) => [m.groupId, m.groupName]));
  const roleOf = (u: Pick<UserRecord, 'role' | 'roleGrant' | 'attributes'>): RoleShown => {
    const grant = u.roleGrant;
    if (grant) {
      const group = groupNames.get(grant.groupId) ?? grant.groupId;
      const label = grant.orgRoleId ? (roleNames.get(grant.orgRoleId) ?? 'Org role') : ROLE_LABELS[u.role];
      return { label, why: `from group ${group}` };
    }
    const why = u.attributes.roles?.length ? 'from the SCIM roles attribute' : 'set directly (or the org default)';
    return { label: ROLE_LABELS[u.role], why };
  };
  return { setup, roleOf };
}
