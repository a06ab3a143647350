import { brakeStatus as status } from '@provisio/core/brake';
import { orgProcedure } from '../../trpc.ts';
import { ZBrakeStatusResponseSchema } from './brake.types.ts';

/** The org's mass-deprovision brake: engaged or not, since when, and its thresholds (the web app's banner). */
export const brakeStatus = orgProcedure
  .meta({ scope: 'users:read' })
  .output(ZBrakeStatusResponseSchema)
  .query(({ ctx }) => status({ brakes: ctx.db.brakes }, ctx.auth.orgId));
