import { SsoAttributeMappingSchema } from '@provisio/core/sso';
import { z } from 'zod';

/** Only what is given changes. */
export const ZUpdateSsoRequestSchema = z
  .object({
    mapping: SsoAttributeMappingSchema,
    idpInitiated: z.boolean(),
    breakGlassAdminIds: z.array(z.string().min(1).max(256)).max(10),
    jitEnabled: z.boolean(),
    ssoRequired: z.boolean(),
  })
  .partial()
  .strict();
