import { getOrg as loadOrg } from '@provisio/core/orgs';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps, scimBaseUrlOf } from '../audit/access-deps.ts';
import { ZGetOrgResponseSchema } from './get-org.types.ts';

/** The caller's org: plan, settings and the SCIM base URL. */
export const getOrg = orgProcedure
  .meta({ scope: 'users:read' })
  .output(ZGetOrgResponseSchema)
  .query(async ({ ctx }) => ({ ...(await loadOrg(accessDeps(ctx), ctx.auth.orgId)), scimBaseUrl: scimBaseUrlOf(ctx) }));
