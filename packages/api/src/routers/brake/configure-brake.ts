import { recordChange } from '@provisio/core/audit';
import { orgProcedure } from '../../trpc.ts';
import { ZBrakeConfigureRequestSchema, ZBrakeConfigureResponseSchema } from './brake.types.ts';

/** Admin: the thresholds (percent of active users, number of users; 0 turns a rule off, both 0 the brake). */
export const configureBrake = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZBrakeConfigureRequestSchema)
  .output(ZBrakeConfigureResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    const before = await ctx.db.brakes.settings(orgId);
    await ctx.db.brakes.saveSettings(orgId, input, ctx.clock.now());
    recordChange(ctx.audit, { resourceType: 'DeprovisionBrake', resourceId: orgId, before, after: input });
    return input;
  });
