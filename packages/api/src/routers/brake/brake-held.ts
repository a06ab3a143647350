import { heldRequests } from '@provisio/core/brake';
import { orgProcedure } from '../../trpc.ts';
import { ZBrakeHeldResponseSchema } from './brake.types.ts';

/** The deactivations and deletions the brake holds (or, once released, the ones it let through). */
export const brakeHeld = orgProcedure
  .meta({ scope: 'users:read' })
  .output(ZBrakeHeldResponseSchema)
  .query(async ({ ctx }) => {
    const deps = { brakes: ctx.db.brakes };
    const [{ braked }, items] = await Promise.all([
      ctx.db.brakes.state(ctx.auth.orgId),
      heldRequests(deps, ctx.auth.orgId),
    ]);
    return { braked, items };
  });
