import { AppError, hasScope } from '@provisio/core';
import { scimDoctorReport, ScimDoctorReportSchema } from '@provisio/core/scim-doctor';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { publicProcedure } from '../../trpc.ts';

/**
 * Whose report: the platform admin names any existing org; an org admin key reads its own org
 * (`orgId`, when given, must be it: another org reads as one that does not exist).
 */
async function reportOrg(ctx: Pick<Context, 'auth' | 'db'>, orgId: string | undefined): Promise<string> {
  const { auth } = ctx;
  if (!auth) throw new AppError('UNAUTHENTICATED', { message: 'a bearer token is required' });
  if (auth.kind === 'platform') {
    if (orgId === undefined)
      throw new AppError('BAD_REQUEST', { message: 'orgId is required with the platform token' });
    if (!(await ctx.db.orgs.findById(orgId))) throw new AppError('NOT_FOUND', { message: `No org ${orgId}` });
    return orgId;
  }
  if (!hasScope(auth.scopes, 'admin')) throw new AppError('FORBIDDEN', { message: "this key lacks the 'admin' scope" });
  if (orgId !== undefined && orgId !== auth.orgId)
    throw new AppError('NOT_FOUND', { message: `No org ${orgId} for this key` });
  return auth.orgId;
}

/** What an org's IdP connections (SCIM keys) did in the last 24 hours, and hints for what they do wrong. */
export const scimDoctorReportProcedure = publicProcedure
  .meta({ scope: 'admin' })
  .input(z.object({ orgId: z.string().min(1).max(100).optional() }).optional())
  .output(ScimDoctorReportSchema)
  .query(async ({ ctx, input }) => {
    const orgId = await reportOrg(ctx, input?.orgId);
    const { db, clock } = ctx;
    return scimDoctorReport({ traffic: db.scimTraffic, groups: db.groups, orgs: db.orgs, keys: db.keys, clock }, orgId);
  });
