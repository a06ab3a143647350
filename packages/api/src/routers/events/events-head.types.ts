import { z } from 'zod';

export const ZEventsHeadResponseSchema = z.object({
  /** Pass as `lastEventId` to `events.onUserChange` after a full read (users.list) made after this call. */
  lastEventId: z.string(),
});
