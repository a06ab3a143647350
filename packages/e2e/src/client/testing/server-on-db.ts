import { randomBytes, randomUUID } from 'node:crypto';
import { startServerProcess } from '../../processes.ts';

/**
 * Another server process on the same database (by name) and Redis: the built server, as
 * `pnpm start` runs it, so nothing is shared in memory with the test's own server. `port`
 * pins its address (a restart on the old port). `close` sends SIGTERM and waits for the exit.
 */
export async function serverOnDb(dbName: string, port?: number) {
  const mongoUri = new URL(process.env['MONGODB_URI'] ?? '');
  mongoUri.pathname = `/${dbName}`;
  const server = await startServerProcess({
    MONGODB_URI: mongoUri.toString(),
    REDIS_URL: process.env['REDIS_URL'] ?? '',
    QUEUE_NAME: `test-${randomUUID()}`,
    PROVISIO_ADMIN_TOKEN: randomBytes(32).toString('base64url'),
    ...(process.env['FERRETDB_POSTGRES_URL'] ? { FERRETDB_POSTGRES_URL: process.env['FERRETDB_POSTGRES_URL'] } : {}),
    ...(port ? { PORT: String(port) } : {}),
  });
  return { base: server.baseUrl, close: () => server.kill('SIGTERM') };
}
