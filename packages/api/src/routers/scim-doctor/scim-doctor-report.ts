import { AppError } from '@provisio/core';
import { scimDoctorReport, ScimDoctorReportSchema } from '@provisio/core/scim-doctor';
import { z } from 'zod';
import { orgProcedure } from '../../trpc.ts';

/**
 * Admin: what the org's IdP connections (SCIM keys) did in the last 24 hours, and hints for
 * what they do wrong. `orgId`, when given, must be the caller's own org (the CLI's `--org`):
 * another org reads as one that does not exist.
 */
export const scimDoctorReportProcedure = orgProcedure
  .meta({ scope: 'admin' })
  .input(z.object({ orgId: z.string().min(1).max(100).optional() }).optional())
  .output(ScimDoctorReportSchema)
  .query(({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    if (input?.orgId !== undefined && input.orgId !== orgId)
      throw new AppError('NOT_FOUND', { message: `No org ${input.orgId} for this key` });
    const { db, clock } = ctx;
    return scimDoctorReport({ traffic: db.scimTraffic, groups: db.groups, orgs: db.orgs, keys: db.keys, clock }, orgId);
  });
