import { HttpEnv, LogEnv, MongoEnv, parseEnv, RedisEnv, TrustProxyEnv, WebhookEnv } from '@provisio/config';
import { parseReturnUrlEntry } from '@provisio/core/sso';
import { z } from 'zod';

/**
 * `SSO_RETURN_URLS`: the product pages (comma-separated absolute http(s) URLs, no query) that
 * may receive a code after an SSO sign-in; a sign-in asking for any other is refused.
 */
const SsoEnv = z.object({
  SSO_RETURN_URLS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const entries = value.split(',').filter((e) => e.trim());
      const parsed = entries.map(parseReturnUrlEntry);
      const bad = entries.find((_, i) => !parsed[i]);
      if (bad !== undefined)
        ctx.addIssue({ code: 'custom', message: `expected absolute http(s) URLs with no query, got ${bad}` });
      return parsed.filter((p): p is string => p !== null);
    }),
});

const ServerEnv = MongoEnv.extend(RedisEnv.shape)
  .extend(HttpEnv.shape)
  .extend(TrustProxyEnv.shape)
  .extend(LogEnv.shape)
  .extend(WebhookEnv.shape)
  .extend(SsoEnv.shape);

/** Parsed once at start; a bad value stops the start with one line naming the variable. */
export function loadServerEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(ServerEnv, source);
  return { ...env, PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '') };
}

export type ServerEnv = ReturnType<typeof loadServerEnv>;
