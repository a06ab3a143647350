// Vitest globalSetup for the integration project: fail at once, with the fix, when the
// services `make test` starts are not there (instead of 60 s time-outs per test).
import { createConnection } from 'node:net';

const required = ['MONGODB_URI', 'REDIS_URL'] as const;

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000);
    socket
      .once('connect', () => done(true))
      .once('error', () => done(false))
      .once('timeout', () => done(false));
  });
}

export default async function setup(): Promise<void> {
  for (const name of required) {
    const url = process.env[name];
    if (!url) throw new Error(`${name} is not set: run integration tests with \`make test\` (or scripts/test.sh)`);
    if (!(await reachable(url)))
      throw new Error(`${name}=${url} does not answer: start the services with \`make test\``);
  }
}
