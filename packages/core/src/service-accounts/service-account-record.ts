import { z } from 'zod';

/**
 * A non-human principal of an org. It lives in its own collection, so SCIM (which lists
 * users) never sees it, and it has no password or invite, so nobody can sign in as it.
 */
export const ServiceAccountRecordSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  created: z.iso.datetime(),
});
export type ServiceAccountRecord = z.infer<typeof ServiceAccountRecordSchema>;
