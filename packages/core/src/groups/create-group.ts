import { uuidV7 } from '../ids/uuid-v7.ts';
import type { DomainDeps } from '../users/user-deps.ts';
import type { GroupAttributes, GroupMember } from './group-attributes.ts';
import type { GroupRecord } from './group-record.ts';
import { cleanGroupAttributes } from './clean-group-attributes.ts';
import { resolveMembers } from './resolve-members.ts';

export type CreateGroupOptions = { orgId: string; attributes: GroupAttributes; members?: GroupMember[] };

/**
 * Members are checked before anything is written; then the group, then its member rows
 * (a crash in between leaves an empty group, which the IdP's next PATCH fills).
 */
export async function createGroup(
  deps: DomainDeps,
  { orgId, attributes, members = [] }: CreateGroupOptions,
): Promise<GroupRecord> {
  const resolved = await resolveMembers(deps.users, orgId, members);
  const now = deps.clock.now();
  const group = await deps.groups.insert(orgId, {
    id: uuidV7(now.getTime()),
    attributes: cleanGroupAttributes(attributes),
    now,
  });
  if (!resolved.length) return { ...group, members: [] };
  await deps.groups.applyMembership(orgId, group.id, { add: resolved, remove: [], replaceAll: false });
  return { ...group, members: resolved };
}
