import { userEventHead } from '@provisio/core/events';
import { orgProcedure } from '../../trpc.ts';
import { ZEventsHeadResponseSchema } from './events-head.types.ts';

/** The resume point for a mirror: take it, read everything (users.list), then subscribe from it; nothing is missed. */
export const eventsHeadProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .output(ZEventsHeadResponseSchema)
  .query(({ ctx }) => ({ lastEventId: userEventHead(ctx.clock) }));
