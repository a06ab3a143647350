import { replaceUser } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { assertExtensionValues, withHiddenValues } from '../org-schemas/extension-values.ts';
import { orgRegistry } from '../org-schemas/org-registry.ts';
import { withUniqueValues } from '../org-schemas/unique-values.ts';
import { ZReplaceUserRequestSchema, ZReplaceUserResponseSchema } from './replace-user.types.ts';
import { writePolicy } from './write-policy.ts';

/** PUT: conditional on the version read (retried on a lost race unless `ifMatchVersion` pins it). */
export const replaceUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZReplaceUserRequestSchema)
  .output(ZReplaceUserResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: input.id }, 'users.replace');
    const [before, org] = await Promise.all([
      ctx.db.users.findById(ctx.auth.orgId, input.id),
      orgRegistry(ctx, ctx.auth.orgId),
    ]);
    assertExtensionValues(org, input.attributes.extensions);
    // Hidden values cannot change while hidden, so the version read here carries them for every retry.
    const attributes = withHiddenValues(org, before?.attributes.extensions, input.attributes);
    const { pickRole, authority } = await writePolicy(ctx);
    const role = pickRole(input.attributes.roles);
    const unique = {
      orgId: ctx.auth.orgId,
      userId: input.id,
      next: attributes.extensions,
    };
    return withUniqueValues(ctx, org, unique, () =>
      replaceUser(domainDeps(ctx), {
        orgId: ctx.auth.orgId,
        ...input,
        attributes,
        ...(role ? { role } : {}),
        authority,
        read: before,
      }),
    );
  });
