import { createUser } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { assertExtensionValues } from '../org-schemas/extension-values.ts';
import { orgRegistry } from '../org-schemas/org-registry.ts';
import { withUniqueValues } from '../org-schemas/unique-values.ts';
import { ZCreateUserRequestSchema, ZCreateUserResponseSchema } from './create-user.types.ts';
import { assertMayNameRole, sourceOf, writePolicy } from './write-policy.ts';

/** Provisions a user (`invited`, or `deactivated` when `active: false`); a taken userName in any case → CONFLICT/uniqueness. */
export const createUserProcedure = orgProcedure
  .meta({ scope: 'users:write' })
  .input(ZCreateUserRequestSchema)
  .output(ZCreateUserResponseSchema)
  .mutation(async ({ ctx, input }) => {
    ctx.logger.info({ orgId: ctx.auth.orgId }, 'users.create');
    assertMayNameRole(ctx.auth, input.role);
    const org = await orgRegistry(ctx, ctx.auth.orgId);
    assertExtensionValues(org, input.attributes.extensions);
    const { pickRole, defaultRole, authority } = await writePolicy(ctx);
    const role = input.role ?? pickRole(input.attributes.roles) ?? defaultRole;
    // The write brings its effects: the audit diff and, for an `invited` user, the invite.
    const unique = { orgId: ctx.auth.orgId, next: input.attributes.extensions };
    return withUniqueValues(ctx, org, unique, () =>
      createUser(domainDeps(ctx), {
        orgId: ctx.auth.orgId,
        attributes: input.attributes,
        role,
        source: sourceOf(ctx),
        authority,
      }),
    );
  });
