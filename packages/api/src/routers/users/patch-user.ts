import { AppError, patchUser } from '@provisio/core';
import { applyUserPatch } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { withHiddenValues } from '../org-schemas/extension-values.ts';
import { orgRegistry } from '../org-schemas/org-registry.ts';
import { hasUniqueAttributes, uncheckedUniqueValues, withUniqueValues } from '../org-schemas/unique-values.ts';
import { ZPatchUserRequestSchema, ZPatchUserResponseSchema } from './patch-user.types.ts';
import { writePolicy } from './write-policy.ts';

/** PATCH: @provisio/scim's engine applied to the current version, re-applied after a lost race. */
export const patchUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZPatchUserRequestSchema)
  .output(ZPatchUserResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { id, patch, ifMatchVersion } = input;
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: id }, 'users.patch');
    const [before, org] = await Promise.all([
      ctx.db.users.findById(ctx.auth.orgId, id),
      orgRegistry(ctx, ctx.auth.orgId),
    ]);
    const { pickRole, authority } = await writePolicy(ctx);
    // The values this patch would set on the version read: checked (and locked) before it is applied.
    const preview =
      hasUniqueAttributes(org) &&
      before &&
      applyUserPatch({ user: before.attributes, patch, registry: org.registry, id });
    const unique = {
      orgId: ctx.auth.orgId,
      userId: id,
      next: preview ? preview.attributes.extensions : undefined,
    };
    return withUniqueValues(ctx, org, unique, () =>
      patchUser(domainDeps(ctx), {
        orgId: ctx.auth.orgId,
        id,
        ifMatchVersion,
        authority,
        read: before,
        apply: (current) => {
          // A `password` the patch sets is write-only and discarded: people set theirs through the invite.
          const patched = applyUserPatch({ user: current.attributes, patch, registry: org.registry, id });
          const attributes = withHiddenValues(org, current.attributes.extensions, patched.attributes);
          // Re-applied after a lost race, the patch may set a unique value the check above never locked.
          const unchecked = uncheckedUniqueValues(org, ctx.auth.orgId, {
            checked: unique.next,
            current: current.attributes.extensions,
            next: attributes.extensions,
          });
          if (unchecked.length > 0)
            throw new AppError('CONFLICT', {
              message: `A concurrent change moved ${unchecked.join(', ')}, which is unique and which this PATCH sets: send it again`,
            });
          const role = pickRole(attributes.roles);
          return role ? { attributes, role } : { attributes };
        },
      }),
    );
  });
