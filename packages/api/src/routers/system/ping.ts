import { z } from 'zod';
import { publicProcedure } from '../../trpc.ts';

/** A cheap round trip for clients checking that they reach the API. */
export const ping = publicProcedure
  .output(z.object({ ok: z.literal(true), time: z.iso.datetime() }))
  .query(({ ctx }) => ({ ok: true as const, time: ctx.clock.now().toISOString() }));
