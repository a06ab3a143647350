import { retryOnVersionConflict } from '../users/retry-on-version-conflict.ts';
import type { DomainDeps } from '../users/user-deps.ts';
import { cleanGroupAttributes } from './clean-group-attributes.ts';
import type { GroupAttributes, GroupMember } from './group-attributes.ts';
import type { GroupRecord } from './group-record.ts';
import { resolveMembers } from './resolve-members.ts';

export type ReplaceGroupOptions = {
  orgId: string;
  id: string;
  attributes: GroupAttributes;
  /** PUT replaces the member list too: pass `[]` to empty the group. */
  members: GroupMember[];
  ifMatchVersion?: number;
};

/** PUT: conditional write of the group's attributes, then the member set is made exactly `members`. */
export async function replaceGroup(deps: DomainDeps, options: ReplaceGroupOptions): Promise<GroupRecord> {
  const { orgId, id } = options;
  const members = await resolveMembers(deps.users, orgId, options.members);
  const attributes = cleanGroupAttributes(options.attributes);
  const group = await retryOnVersionConflict({
    what: 'group',
    ifMatchVersion: options.ifMatchVersion,
    load: () => deps.groups.findById(orgId, id),
    attempt: (current) =>
      deps.groups.updateIfVersion(orgId, id, current.version, {
        attributes,
        now: deps.clock.now(),
        previous: current.attributes,
      }),
  });
  await deps.groups.applyMembership(orgId, id, { add: members, remove: [], replaceAll: true });
  return { ...group, members };
}
