import { AppError } from '@provisio/core';
import { getOrg } from '@provisio/core/orgs';
import { claimSignInCode } from '@provisio/core/sso';
import { orgProcedure } from '../../trpc.ts';
import { ZExchangeCodeRequestSchema, ZExchangeCodeResponseSchema } from './exchange-code.types.ts';

/**
 * The product behind Provisio, with a `users:read` key of the org the code names: redeems a
 * code an SSO sign-in sent to an allow-listed return URL (once, within 60 s) for who signed in.
 */
export const exchangeCode = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZExchangeCodeRequestSchema)
  .output(ZExchangeCodeResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    const userId = await claimSignInCode({ sso: ctx.db.sso, clock: ctx.clock }, { orgId, ...input });
    const [org, user] = await Promise.all([getOrg({ orgs: ctx.db.orgs }, orgId), ctx.db.users.findById(orgId, userId)]);
    if (!user) throw new AppError('BAD_REQUEST', { message: 'the user of this sign-in code was deleted' });
    ctx.logger.info({ orgId, userId }, 'sso code exchanged');
    const a = user.attributes;
    const email = a.emails?.find((e) => e.primary)?.value ?? a.emails?.[0]?.value ?? null;
    return {
      org: { id: org.id, name: org.name },
      user: {
        id: user.id,
        userName: user.userName,
        email,
        displayName: a.displayName ?? null,
        givenName: a.name?.givenName ?? null,
        familyName: a.name?.familyName ?? null,
        role: user.role,
        groups: user.groups.map((g) => g.display ?? g.value),
      },
    };
  });
