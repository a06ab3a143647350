import { z } from 'zod';

export const ZDeleteServiceAccountRequestSchema = z.object({ id: z.string().min(1).max(256) });
export const ZDeleteServiceAccountResponseSchema = z.object({ id: z.string(), revokedKeyIds: z.array(z.string()) });
