import { orgProcedure } from '../../trpc.ts';
import { ZSsoViewSchema } from './get-sso.types.ts';
import { ssoView } from './sso-view.ts';

/** Admin: the org's SAML connection, our SP side, the settings and the warnings. */
export const getSso = orgProcedure
  .meta({ scope: 'admin' })
  .output(ZSsoViewSchema)
  .query(({ ctx }) => ssoView(ctx, ctx.auth.orgId));
