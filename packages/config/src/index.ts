export { EnvError, parseEnv } from './parse-env.ts';
export { HttpEnv, LogEnv, MongoEnv, RedisEnv, SmtpEnv, WebhookEnv, WorkerEnv } from './schemas.ts';
export { onShutdownSignals, runMain } from './process-lifecycle.ts';
export { parseTrustProxy, TrustProxyEnv } from './trust-proxy.ts';
export type { TrustProxy } from './trust-proxy.ts';
