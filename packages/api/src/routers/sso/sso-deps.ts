import type { SsoDeps } from '@provisio/core/sso';
import { spEndpoints } from '@provisio/saml';
import type { Context } from '../../context.ts';

/** The SSO rules' dependencies from the request context. */
export const ssoDeps = (ctx: Pick<Context, 'db' | 'clock'>): SsoDeps => ({
  sso: ctx.db.sso,
  orgs: ctx.db.orgs,
  users: ctx.db.users,
  clock: ctx.clock,
});

/** Our side of the org's connection, for the admin to paste into the IdP. */
export const spOf = (ctx: Pick<Context, 'publicUrl'>, orgId: string) => spEndpoints(ctx.publicUrl, orgId);
