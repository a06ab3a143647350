import { recordChange } from '@provisio/core/audit';
import { releaseBrake as release } from '@provisio/core/brake';
import { orgProcedure } from '../../trpc.ts';
import { ZBrakeReleaseResponseSchema } from './brake.types.ts';

const NAMED_IN_NOTE = 20;

/** Admin: confirms the held deprovisions (the IdP's retries then succeed) and starts the count over. */
export const releaseBrake = orgProcedure
  .meta({ scope: 'admin' })
  .output(ZBrakeReleaseResponseSchema)
  .mutation(async ({ ctx }) => {
    const orgId = ctx.auth.orgId;
    const result = await release({ brakes: ctx.db.brakes, clock: ctx.clock }, orgId);
    ctx.logger.info({ orgId, released: result.released.length }, 'deprovision brake released');
    recordChange(ctx.audit, {
      resourceType: 'DeprovisionBrake',
      resourceId: orgId,
      before: { braked: true },
      after: { braked: false },
    });
    const names = result.released.slice(0, NAMED_IN_NOTE).map((h) => `${h.userName} (${h.action})`);
    const more = result.released.length - names.length;
    ctx.audit?.note(
      `released ${result.released.length} held deprovisions: ${names.join(', ') || 'none'}${more > 0 ? ` and ${more} more` : ''}`,
    );
    return result;
  });
