import { randomBytes } from 'node:crypto';
import { builtAppEnv, startServerProcess } from '../../processes.ts';

/**
 * Another server process on the same database (by name) and Redis: the built server, as
 * `pnpm start` runs it, so nothing is shared in memory with the test's own server. `port`
 * pins its address (a restart on the old port). `close` sends SIGTERM and waits for the exit.
 */
export async function serverOnDb(dbName: string, port?: number) {
  const server = await startServerProcess({
    ...builtAppEnv('other_server', dbName).env,
    PROVISIO_ADMIN_TOKEN: randomBytes(32).toString('base64url'),
    ...(port ? { PORT: String(port) } : {}),
  });
  return { base: server.baseUrl, close: () => server.kill('SIGTERM') };
}
