import { patchGroup } from '@provisio/core';
import { applyGroupPatch, patchNeedsMembers } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps, scimRegistry } from '../domain-deps.ts';
import { ZPatchGroupRequestSchema, ZPatchGroupResponseSchema } from './patch-group.types.ts';

/**
 * PATCH: the engine turns member ops into a MembershipDelta applied as row writes; members
 * are loaded only for member filters ids alone can't resolve (never for Okta/Entra).
 */
export const patchGroupProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZPatchGroupRequestSchema)
  .output(ZPatchGroupResponseSchema)
  .mutation(({ ctx, input }) => {
    const { id, patch, ifMatchVersion } = input;
    ctx.logger.info({ orgId: ctx.auth.orgId, groupId: id }, 'groups.patch');
    return patchGroup(domainDeps(ctx), {
      orgId: ctx.auth.orgId,
      id,
      ifMatchVersion,
      withMembers: patchNeedsMembers({ patch, registry: scimRegistry }),
      apply: ({ attributes, members }) =>
        applyGroupPatch({ group: attributes, patch, registry: scimRegistry, id, ...(members ? { members } : {}) }),
    });
  });
