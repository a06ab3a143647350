import { addSsoDomain, removeSsoDomain } from '@provisio/core/sso';
import { z } from 'zod';
import { orgProcedure } from '../../trpc.ts';
import { ZSsoViewSchema } from './get-sso.types.ts';
import { withSsoAudit } from './record-sso-change.ts';
import { ssoDeps } from './sso-deps.ts';

export const ZSsoDomainRequestSchema = z.object({ domain: z.string().min(1).max(253) }).strict();

/** Admin: claims an email domain for SSO routing; it routes sign-ins once the platform admin verified it. */
export const addDomain = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZSsoDomainRequestSchema)
  .output(ZSsoViewSchema)
  .mutation(({ ctx, input }) =>
    withSsoAudit(ctx, 'addDomain', () => addSsoDomain(ssoDeps(ctx), { orgId: ctx.auth.orgId, domain: input.domain })),
  );

/** Admin: gives up an email domain (sign-ins from it no longer find this org). */
export const removeDomain = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZSsoDomainRequestSchema)
  .output(ZSsoViewSchema)
  .mutation(({ ctx, input }) =>
    withSsoAudit(ctx, 'removeDomain', () =>
      removeSsoDomain(ssoDeps(ctx), { orgId: ctx.auth.orgId, domain: input.domain }),
    ),
  );
