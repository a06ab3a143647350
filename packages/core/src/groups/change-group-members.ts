import { AppError } from '../errors/app-error.ts';
import type { DomainDeps } from '../users/user-deps.ts';
import type { MembershipDelta } from './group-attributes.ts';
import type { GroupRecord } from './group-record.ts';
import { resolveMembers } from './resolve-members.ts';

export type ChangeGroupMembersOptions = {
  orgId: string;
  id: string;
  delta: MembershipDelta;
  ifMatchVersion?: number;
};

const notFound = (id: string) => new AppError('NOT_FOUND', { message: `group ${id} not found` });

/**
 * Adds/removes/replaces members without reading the group's members: each member is its
 * own row, so concurrent changes never lose one another. With `ifMatchVersion`, a
 * conditional version bump is the gate; otherwise the version is bumped afterwards.
 */
export async function changeGroupMembers(deps: DomainDeps, options: ChangeGroupMembersOptions): Promise<GroupRecord> {
  const { orgId, id, delta, ifMatchVersion } = options;
  const add = await resolveMembers(deps.users, orgId, delta.add);
  const group = await deps.groups.findById(orgId, id);
  if (!group) throw notFound(id);
  if (ifMatchVersion !== undefined) {
    const gate = await deps.groups.updateIfVersion(orgId, id, ifMatchVersion, {
      attributes: group.attributes,
      now: deps.clock.now(),
    });
    if (!gate)
      throw new AppError('PRECONDITION_FAILED', { message: `group ${id} is not at version ${ifMatchVersion}` });
  }
  await deps.groups.applyMembership(orgId, id, { add, remove: delta.remove, replaceAll: delta.replaceAll });
  const after =
    ifMatchVersion !== undefined
      ? await deps.groups.findById(orgId, id)
      : await deps.groups.bumpVersion(orgId, id, { now: deps.clock.now(), seenVersion: group.version });
  if (!after) {
    // Deleted while we wrote: sweep the rows we may have added after its own sweep.
    await deps.groups.delete(orgId, id, deps.clock.now());
    throw notFound(id);
  }
  return after;
}
