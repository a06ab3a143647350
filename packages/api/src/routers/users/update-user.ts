import { updateUser } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { assertExtensionValues, withHiddenValues } from '../org-schemas/extension-values.ts';
import { orgRegistry } from '../org-schemas/org-registry.ts';
import { withUniqueValues } from '../org-schemas/unique-values.ts';
import { ZUpdateUserRequestSchema, ZUpdateUserResponseSchema } from './update-user.types.ts';
import { assertMayNameRole, writePolicy } from './write-policy.ts';

/** Partial update: named attributes set or cleared, the rest kept; version-checked and retried like PATCH. */
export const updateUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZUpdateUserRequestSchema)
  .output(ZUpdateUserResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { id, ifMatchVersion, role } = input;
    let { set, clear } = input;
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: id }, 'users.update');
    assertMayNameRole(ctx.auth, role);
    let unique: Parameters<typeof withUniqueValues>[2] | undefined;
    let org: Awaited<ReturnType<typeof orgRegistry>> | undefined;
    if (set.extensions !== undefined || clear?.includes('extensions')) {
      // `extensions` is set whole: values of hidden attributes and retired schemas are put back.
      org = await orgRegistry(ctx, ctx.auth.orgId);
      assertExtensionValues(org, set.extensions);
      const before = await ctx.db.users.findById(ctx.auth.orgId, id);
      const kept = withHiddenValues(org, before?.attributes.extensions, { extensions: set.extensions });
      set = { ...set, ...kept };
      if (kept.extensions) clear = clear?.filter((c) => c !== 'extensions');
      unique = { orgId: ctx.auth.orgId, userId: id, next: kept.extensions };
    }
    const { pickRole, authority } = await writePolicy(ctx);
    const options = {
      orgId: ctx.auth.orgId,
      id,
      set,
      authority,
      ...(clear ? { clear } : {}),
      ...(ifMatchVersion ? { ifMatchVersion } : {}),
      ...(role ? { role } : {}),
    };
    const write = () =>
      updateUser(domainDeps(ctx), { ...options, roleFor: (attributes) => pickRole(attributes.roles) ?? undefined });
    return org && unique ? withUniqueValues(ctx, org, unique, write) : write();
  });
