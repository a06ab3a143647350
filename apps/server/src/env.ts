import { HttpEnv, LogEnv, MongoEnv, parseEnv, RedisEnv, TrustProxyEnv, WebhookEnv } from '@provisio/config';

const ServerEnv = MongoEnv.extend(RedisEnv.shape)
  .extend(HttpEnv.shape)
  .extend(TrustProxyEnv.shape)
  .extend(LogEnv.shape)
  .extend(WebhookEnv.shape);

/** Parsed once at start; a bad value stops the start with one line naming the variable. */
export function loadServerEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(ServerEnv, source);
  return { ...env, PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '') };
}

export type ServerEnv = ReturnType<typeof loadServerEnv>;
