import { USER_ROLES } from '@provisio/core';
import { z } from 'zod';

export const ZExchangeCodeRequestSchema = z
  .object({
    /** The `code` query parameter the return URL received. */
    code: z.string().min(1).max(128),
    /** The return URL the code was sent to, without its query (as allow-listed in `SSO_RETURN_URLS`). */
    returnUrl: z.string().min(1).max(2048),
  })
  .strict();
export type TExchangeCodeRequest = z.infer<typeof ZExchangeCodeRequestSchema>;

export const ZExchangeCodeResponseSchema = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  user: z.object({
    id: z.string(),
    userName: z.string(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    givenName: z.string().nullable(),
    familyName: z.string().nullable(),
    role: z.enum(USER_ROLES),
    /** Display names of the org's groups the user belongs to. */
    groups: z.array(z.string()),
  }),
});
export type TExchangeCodeResponse = z.infer<typeof ZExchangeCodeResponseSchema>;
