import { updateSsoSettings } from '@provisio/core/sso';
import { orgProcedure } from '../../trpc.ts';
import { ZSsoViewSchema } from './get-sso.types.ts';
import { withSsoAudit } from './record-sso-change.ts';
import { ssoDeps } from './sso-deps.ts';
import { ZUpdateSsoRequestSchema } from './update-sso.types.ts';

/** Admin: attribute mapping, JIT, SSO required (with break-glass admins), IdP-initiated sign-in. */
export const updateSso = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZUpdateSsoRequestSchema)
  .output(ZSsoViewSchema)
  .mutation(({ ctx, input }) =>
    withSsoAudit(ctx, 'update', () => updateSsoSettings(ssoDeps(ctx), { orgId: ctx.auth.orgId, changes: input })),
  );
