import { readFileSync } from 'node:fs';
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
  /** The SP key pair (PEM files) that signs AuthnRequests; unset: they go unsigned. Both or neither. */
  SSO_SP_KEY_FILE: z.string().min(1).optional(),
  SSO_SP_CERT_FILE: z.string().min(1).optional(),
});

/** The SP signing pair from its files; a missing half or an unreadable file stops the start. */
function spSigningOf(keyFile: string | undefined, certFile: string | undefined) {
  if (!keyFile && !certFile) return undefined;
  if (!keyFile || !certFile) throw new Error('SSO_SP_KEY_FILE and SSO_SP_CERT_FILE must be set together');
  const read = (file: string, name: string, marker: RegExp) => {
    const text = readFileSync(file, 'utf8');
    if (!marker.test(text)) throw new Error(`${name} (${file}) holds no PEM ${marker.source}`);
    return text;
  };
  return {
    privateKey: read(keyFile, 'SSO_SP_KEY_FILE', /PRIVATE KEY/),
    certPem: read(certFile, 'SSO_SP_CERT_FILE', /CERTIFICATE/),
  };
}

const ServerEnv = MongoEnv.extend(RedisEnv.shape)
  .extend(HttpEnv.shape)
  .extend(TrustProxyEnv.shape)
  .extend(LogEnv.shape)
  .extend(WebhookEnv.shape)
  .extend(SsoEnv.shape);

/** Parsed once at start; a bad value stops the start with one line naming the variable. */
export function loadServerEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(ServerEnv, source);
  return {
    ...env,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    spSigning: spSigningOf(env.SSO_SP_KEY_FILE, env.SSO_SP_CERT_FILE),
  };
}

export type ServerEnv = ReturnType<typeof loadServerEnv>;
