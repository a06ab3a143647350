import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The checkout's root (this file is packages/bench/src/services.ts). */
export const ROOT = resolve(import.meta.dirname, '../../..');

export type ServiceUrls = { mongoUri: string; redisUrl: string; ferretPostgresUrl: string };

/**
 * Starts the TEST services the benchmark uses if they are not running (`scripts/services.sh
 * start test ferretdb redis`, which is quick when they are, honours PROVISIO_PORT_OFFSET and
 * leaves alone a service whose URL is set in the environment), and returns their URLs. Not
 * Keycloak, which it does not use: its start takes about 16 s and 30 s of CPU.
 */
export function ensureTestServices(env: NodeJS.ProcessEnv = process.env): ServiceUrls {
  execFileSync('bash', ['scripts/services.sh', 'start', 'test', 'ferretdb', 'redis'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const offset = Number(env['PROVISIO_PORT_OFFSET'] ?? 0);
  return {
    mongoUri: env['MONGODB_URI'] ?? `mongodb://127.0.0.1:${27217 + offset}/`,
    redisUrl: env['REDIS_URL'] ?? `redis://127.0.0.1:${6579 + offset}`,
    ferretPostgresUrl: env['FERRETDB_POSTGRES_URL'] ?? `postgres://postgres@127.0.0.1:${5632 + offset}/ferretdb`,
  };
}

/** `uri` naming database `dbName` (whatever database it named). */
export function withDatabase(uri: string, dbName: string): string {
  const url = new URL(uri);
  url.pathname = `/${dbName}`;
  return url.toString();
}
