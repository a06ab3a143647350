import { execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createAccessTestApp, scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The CLI package's directory: the CLI runs from there as `pnpm cli` does. */
const cwd = dirname(createRequire(import.meta.url).resolve('@provisio/cli/package.json'));
let app: AccessTestApp;
let url: string;
let org: Awaited<ReturnType<AccessTestApp['newOrg']>>;

beforeAll(async () => {
  app = await createAccessTestApp();
  url = `http://127.0.0.1:${await app.server.start(0)}`;
  org = await app.newOrg();
});
afterAll(async () => {
  await app.server.stop(100);
  await app.cleanup();
});

const env = () => ({ PATH: process.env['PATH'] ?? '', PROVISIO_URL: url, PROVISIO_TOKEN: org.adminToken });
const cli = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/index.ts', ...args],
      { cwd, env: env() },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
const createScimUser = async (userName: string) => {
  const res = await app.scim('post', '/Users', org.scimToken).send(scimUser(userName));
  return (res.body as { id: string }).id;
};

describe('pnpm cli: users, invites and events', () => {
  it('--help lists the new commands with examples', async () => {
    const { stdout } = await cli(['--help']);
    for (const command of ['user list', 'user invite-status', 'user resend-invite', 'events tail'])
      expect(stdout).toMatch(new RegExp(`  ${command} .*\\n\\s+e\\.g\\. pnpm cli ${command}`));
  });

  it('user list pages with a cursor and filters; invite-status and resend-invite take the id as an argument', async () => {
    const ids = [
      await createScimUser('cli.a@example.com'),
      await createScimUser('cli.b@example.com'),
      await createScimUser('cli.c@example.com'),
    ];
    const first = JSON.parse((await cli(['user', 'list', '--limit', '2', '--json'])).stdout) as {
      items: Array<{ id: string }>;
      nextCursor: string;
    };
    expect(first.items.map((u) => u.id)).toEqual(ids.slice(0, 2));
    const rest = JSON.parse(
      (await cli(['user', 'list', '--limit', '2', '--cursor', first.nextCursor, '--json'])).stdout,
    ) as { items: Array<{ id: string }>; nextCursor: null };
    expect([rest.items.map((u) => u.id), rest.nextCursor]).toEqual([ids.slice(2), null]);
    expect((await cli(['user', 'list', '--limit', '1', '--all'])).stdout.trim().split('\n')).toHaveLength(4);
    expect((await cli(['user', 'list', '--email', 'CLI.B@example.com'])).stdout).toMatch(
      /^\S+ {2}cli\.b@example\.com {2}invited {2}cli\.b@example\.com\n1 user\(s\)\n$/,
    );
    expect((await cli(['user', 'invite-status', ids[0] ?? ''])).stdout).toMatch(/^invite (pending|sent)/);
    const resend = await cli(['user', 'resend-invite', ids[0] ?? '']);
    expect([resend.code, resend.stderr]).toEqual([
      1,
      expect.stringMatching(/^error: TOO_MANY_REQUESTS: too many invites for this user/),
    ]);
    const bad = await cli(['user', 'list', '--limit', '0']);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/^error: BAD_REQUEST: limit: /)]);
  });

  it('events tail prints events as they arrive, and resumes with --since', async () => {
    const tail = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts', 'events', 'tail', '--count', '2'], {
      cwd,
      env: env(),
    });
    let out = '';
    let err = '';
    tail.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => tail.on('exit', resolve));
    // The stream is open once the CLI says so: a change from here on is one it must print.
    await new Promise<void>((resolve) => {
      tail.stderr.on(
        'data',
        (chunk: Buffer) => (err += chunk.toString()).includes('listening for user events\n') && resolve(),
      );
      tail.on('exit', () => resolve());
    });
    expect(err).toBe('listening for user events\n');
    const id = await createScimUser('tail.a@example.com');
    await app.scim('delete', `/Users/${id}`, org.scimToken);
    expect(await exited).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/).slice(2, 4))).toEqual([
      ['created', id],
      ['deleted', id],
    ]);
    const since = lines[0]?.split(' ')[0] ?? '';
    const resumed = await cli(['events', 'tail', '--since', since, '--count', '1', '--json']);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ type: 'deleted', userId: id, user: null });
    const stale = await cli(['events', 'tail', '--since', '01890000-0000-7000-8000-000000000000']);
    expect([stale.code, stale.stderr]).toEqual([1, expect.stringMatching(/retention.*run without --since/)]);
  });
});
