import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { builtAppEnv, startServerProcess } from '../processes.ts';

// Found by pnpm faults (two-replicas, smtp-down) on a loaded machine: a server whose CPU was taken
// by other processes read requests late and shed them with 429 although it had nothing to do.
// A stopped process is the extreme of that: its event loop is late while it runs none of our code.
const target = builtAppEnv('starved');
let server: Awaited<ReturnType<typeof startServerProcess>>;
let pid = 0;

beforeAll(async () => {
  server = await startServerProcess({
    ...target.env,
    PROVISIO_ADMIN_TOKEN: randomBytes(32).toString('base64url'),
    REQUEST_MAX_WAIT_MS: '200',
  });
  pid = server.pid;
}, 60_000);

afterAll(async () => {
  if (pid) process.kill(pid, 'SIGCONT');
  await server?.kill('SIGTERM');
  await target.drop();
});

it('serves a request it read late because the machine starved it (stopped 1.5 s), not shedding it with 429', async () => {
  const { port } = new URL(server.baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const statusLine = new Promise<string>((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\r\n')) resolve(text.slice(0, text.indexOf('\r\n')));
    });
    socket.once('error', reject);
  });
  // Stopped while it waits for events, as a process that has nothing to do is when the machine
  // takes its CPU (stopped while running our code, that time would count as busy: Linux /proc state S).
  await vi.waitFor(() => expect(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0]).toBe('S'), {
    timeout: 10_000,
    interval: 5,
  });
  process.kill(pid, 'SIGSTOP');
  socket.write('GET /scim/v2/Users?count=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the starvation itself, not a wait for an event
  process.kill(pid, 'SIGCONT');
  // No credential: past admission, authentication answers 401.
  expect(await statusLine).toBe('HTTP/1.1 401 Unauthorized');
  socket.destroy();
});
