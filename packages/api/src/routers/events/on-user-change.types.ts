import { z } from 'zod';

export const ZOnUserChangeRequestSchema = z
  .object({
    /** Resume after this event id (tRPC's httpSubscriptionLink sends the last one it got on reconnect); omitted: from now. */
    lastEventId: z.string().max(64).nullish(),
  })
  .optional();
export type TOnUserChangeRequest = z.infer<typeof ZOnUserChangeRequestSchema>;
