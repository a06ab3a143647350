import { updateUser } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZUpdateUserRequestSchema, ZUpdateUserResponseSchema } from './update-user.types.ts';
import { assertMayNameRole, writePolicy } from './write-policy.ts';

/** Partial update: named attributes set or cleared, the rest kept; version-checked and retried like PATCH. */
export const updateUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZUpdateUserRequestSchema)
  .output(ZUpdateUserResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { id, set, clear, ifMatchVersion, role } = input;
    ctx.logger.info({ orgId: ctx.auth.orgId, userId: id }, 'users.update');
    assertMayNameRole(ctx.auth, role);
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
    return updateUser(domainDeps(ctx), {
      ...options,
      roleFor: (attributes) => pickRole(attributes.roles) ?? undefined,
    });
  });
