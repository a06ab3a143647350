import { AppError } from '../errors/app-error.ts';
import { retryOnVersionConflict } from '../users/retry-on-version-conflict.ts';
import type { DomainDeps } from '../users/user-deps.ts';
import { cleanGroupAttributes } from './clean-group-attributes.ts';
import type { GroupAttributes, MembershipDelta } from './group-attributes.ts';
import type { GroupRecord, ResolvedMember } from './group-record.ts';
import { resolveMembers } from './resolve-members.ts';
import { sameJson } from './same-json.ts';

/** What a group patch produces: the next own attributes and, if members changed, the delta. */
export type GroupPatchResult = { attributes: GroupAttributes; members?: MembershipDelta };

export type PatchGroupOptions = {
  orgId: string;
  id: string;
  /** Pure; re-run against the latest version after a lost race. Sees members only with `withMembers`. */
  apply: (current: GroupRecord) => GroupPatchResult;
  /** Load all members for `apply` (only for member filters that ids alone can't resolve). */
  withMembers?: boolean;
  ifMatchVersion?: number;
};

const withoutMembers = ({ members: _members, ...group }: GroupRecord): GroupRecord => group;

type Step = { record: GroupRecord; add: ResolvedMember[]; delta: MembershipDelta | undefined; written: boolean };

/**
 * PATCH on a group: own attributes by conditional write (retried), membership as a delta
 * of single-row writes, never a rewrite of the member list. A members-only patch writes
 * no group document beyond a version bump, so concurrent member PATCHes do not contend.
 */
export async function patchGroup(deps: DomainDeps, options: PatchGroupOptions): Promise<GroupRecord> {
  const { orgId, id, ifMatchVersion } = options;
  const step = await retryOnVersionConflict<GroupRecord, Step>({
    what: 'group',
    ifMatchVersion,
    load: () => deps.groups.findById(orgId, id, { includeMembers: options.withMembers ?? false }),
    attempt: async (current) => {
      const result = options.apply(current);
      const add = await resolveMembers(deps.users, orgId, result.members?.add ?? []);
      const attributes = cleanGroupAttributes(result.attributes);
      if (ifMatchVersion === undefined && sameJson(attributes, current.attributes)) {
        return { record: withoutMembers(current), add, delta: result.members, written: false };
      }
      const record = await deps.groups.updateIfVersion(orgId, id, current.version, {
        attributes,
        now: deps.clock.now(),
        previous: current.attributes,
      });
      return record && { record, add, delta: result.members, written: true };
    },
  });
  if (!step.delta) return step.record;
  await deps.groups.applyMembership(orgId, id, {
    add: step.add,
    remove: step.delta.remove,
    replaceAll: step.delta.replaceAll,
  });
  const after = step.written
    ? await deps.groups.findById(orgId, id)
    : await deps.groups.bumpVersion(orgId, id, { now: deps.clock.now(), seenVersion: step.record.version });
  if (!after) {
    await deps.groups.delete(orgId, id, deps.clock.now());
    throw new AppError('NOT_FOUND', { message: `group ${id} not found` });
  }
  return after;
}
