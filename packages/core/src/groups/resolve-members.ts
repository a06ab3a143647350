import { AppError } from '../errors/app-error.ts';
import type { UserRepository } from '../users/user-repository.ts';
import type { GroupMember } from './group-attributes.ts';
import type { ResolvedMember } from './group-record.ts';

/**
 * Checks that every member is a user of the org. The rule: one unknown id (or a nested
 * group, which we do not support) refuses the whole change with BAD_REQUEST/invalidValue
 * and nothing is applied. Duplicates collapse; a missing `display` takes the user's label.
 */
export async function resolveMembers(
  users: UserRepository,
  orgId: string,
  members: readonly GroupMember[],
): Promise<ResolvedMember[]> {
  const byId = new Map(members.map((m) => [m.value, m]));
  const nested = members.find((m) => m.type === 'Group');
  if (nested)
    throw new AppError('BAD_REQUEST', {
      message: `nested groups are not supported (${nested.value})`,
      scimType: 'invalidValue',
    });
  const ids = [...byId.keys()];
  const labels = ids.length ? await users.labelsOf(orgId, ids) : new Map<string, string>();
  const unknown = ids.filter((id) => !labels.has(id));
  if (unknown.length) {
    const shown = unknown.slice(0, 5).join(', ');
    throw new AppError('BAD_REQUEST', {
      message: `unknown member id(s): ${shown}${unknown.length > 5 ? ', …' : ''}`,
      scimType: 'invalidValue',
    });
  }
  return [...byId.values()].map((m) => ({
    value: m.value,
    display: m.display ?? labels.get(m.value),
    type: 'User' as const,
  }));
}
