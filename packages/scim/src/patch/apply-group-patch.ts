import type { GroupAttributes, GroupMember, MembershipDelta } from '../domain/types.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { applyOperation } from './apply-operation.ts';
import { newMembersState, toDelta } from './members-state.ts';
import { parsePatchRequest } from './parse-patch-request.ts';
import type { Doc, PatchContext } from './patch-context.ts';
import { validatePatched } from './validate-patched.ts';

export type ApplyGroupPatchOptions = {
  /** The stored group's own attributes (members apart); never mutated. */
  group: GroupAttributes;
  patch: unknown;
  registry: SchemaRegistry;
  /** The group's id: Okta's rename repeats it in a path-less replace. */
  id?: string;
  /**
   * The current members, only needed for member filters other than `value eq "…"` (or-ed);
   * `patchNeedsMembers` says when. Without them such a filter fails with a 500 ScimError.
   */
  members?: readonly GroupMember[];
};

export type ApplyGroupPatchResult = { attributes: GroupAttributes; members: MembershipDelta };

/**
 * Applies a PatchOp to a group, all or nothing. Membership is never rewritten: changes come
 * back as a MembershipDelta (add / remove ids / replaceAll) in op order.
 */
export function applyGroupPatch(opts: ApplyGroupPatchOptions): ApplyGroupPatchResult {
  const ops = parsePatchRequest(opts.patch);
  const doc = structuredClone(opts.group) as unknown as Doc;
  const ctx: PatchContext = {
    registry: opts.registry,
    resource: opts.registry.resources.Group,
    id: opts.id,
    password: undefined,
  };
  const members = newMembersState(opts.members);
  for (const op of ops) applyOperation(ctx, doc, op, members);
  validatePatched(ctx.resource, doc);
  return { attributes: doc as unknown as GroupAttributes, members: toDelta(members) };
}
