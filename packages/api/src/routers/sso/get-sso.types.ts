import { SsoConnectionSchema, SsoDomainSchema, SSO_WARNING_CODES } from '@provisio/core/sso';
import { z } from 'zod';

export const ZSsoViewSchema = z.object({
  connection: SsoConnectionSchema,
  domains: z.array(SsoDomainSchema),
  sp: z.object({ entityId: z.string(), acsUrl: z.string(), metadataUrl: z.string(), signInUrl: z.string() }),
  /** Org settings the SSO page shows: JIT (`samlJitEnabled`) and "SSO required" (`ssoEnabled`). */
  jitEnabled: z.boolean(),
  ssoRequired: z.boolean(),
  scimEnabled: z.boolean(),
  warnings: z.array(z.object({ code: z.enum(SSO_WARNING_CODES), message: z.string() })),
});
export type TSsoView = z.infer<typeof ZSsoViewSchema>;
