// `make up` and `make test` must work from a checkout anywhere. The hard case is the one a new
// user hits first: a clone inside a `mktemp -d` directory (mode 700), run as root. PostgreSQL
// then runs as `postgres`, which cannot traverse that directory; the scripts must keep its data
// elsewhere (without loosening the user's permissions) and find it again after a stop.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');
const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

/** The test profile's ports under an offset (scripts/lib.sh). */
const portsAt = (offset: number) => ({
  mongo: 27217 + offset,
  redis: 6579 + offset,
  smtp: 1125 + offset,
  postgres: 5632 + offset,
});

const listening = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1')
      .once('connect', () => (socket.destroy(), done(true)))
      .once('error', () => done(false));
  });

/** An offset whose ports are all free, away from this checkout's own (0) and common choices. */
async function freeOffset(): Promise<number> {
  for (const offset of [4337, 4871, 5413, 5957, 6491]) {
    const busy = await Promise.all(Object.values(portsAt(offset)).map(listening));
    if (!busy.some(Boolean)) return offset;
  }
  throw new Error('no free port offset for the fresh-clone services');
}

describe('a fresh clone in a mktemp -d directory', () => {
  const parent = mkdtempSync(join(tmpdir(), 'provisio-clone-'));
  const checkout = join(parent, 'a checkout');
  let env: NodeJS.ProcessEnv = {};
  const services = (action: string) => run('bash', ['scripts/services.sh', action, 'test'], { cwd: checkout, env });

  afterAll(async () => {
    await services('clean').catch(() => undefined);
    rmSync(parent, { recursive: true, force: true });
  });

  it('starts its services, keeps their data across a stop and a start, and stops them', async () => {
    await run('git', ['clone', '--quiet', ROOT, checkout]);
    // Uncommitted script changes are what a developer is testing: take them too.
    cpSync(join(ROOT, 'scripts'), join(checkout, 'scripts'), { recursive: true });
    // The mail catcher comes from node_modules; borrow ours instead of a 25 s install.
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
    const offset = await freeOffset();
    const { MONGODB_URI: _m, REDIS_URL: _r, SMTP_URL: _s, ...rest } = process.env;
    // The data services are what this checks: a KEYCLOAK_URL says an IdP runs elsewhere, so the
    // clone does not start a second Keycloak (a minute or more on a busy machine).
    env = {
      ...rest,
      PROVISIO_PORT_OFFSET: String(offset),
      KEYCLOAK_URL: process.env['KEYCLOAK_URL'] ?? 'http://127.0.0.1:1',
    };
    const ports = portsAt(offset);

    const started = await services('start');
    const mongo = new MongoClient(`mongodb://127.0.0.1:${ports.mongo}/`, { serverSelectionTimeoutMS: 10_000 });
    await mongo
      .db('anywhere')
      .collection('marks')
      .insertOne({ _id: 'kept' } as never);
    await mongo.close();
    const redis = new Redis(ports.redis, '127.0.0.1', { lazyConnect: true });
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
    redis.disconnect();
    expect(await listening(ports.smtp)).toBe(true);

    const { stdout: status } = await services('status');
    const dataDir = /^postgres data: (.*)$/m.exec(status)?.[1] ?? '';
    // As root, `postgres` cannot reach the clone: its data lives outside it, and the banner says where.
    // Either way the clone's private parent keeps its mode.
    const where = {
      dataDir,
      underClone: dataDir.startsWith(checkout),
      inBanner: started.stderr.includes(dataDir),
      parentMode: statSync(parent).mode & 0o777,
    };
    expect(where).toEqual(
      isRoot
        ? { dataDir: expect.stringMatching(/^\//), underClone: false, inBanner: true, parentMode: 0o700 }
        : {
            dataDir: join(checkout, '.data/test/postgres'),
            underClone: true,
            inBanner: expect.any(Boolean),
            parentMode: 0o700,
          },
    );

    await services('stop');
    const afterStop = await Promise.all(Object.values(ports).map(listening));
    expect(afterStop).toEqual([false, false, false, false]);

    await services('start');
    const again = new MongoClient(`mongodb://127.0.0.1:${ports.mongo}/`, { serverSelectionTimeoutMS: 10_000 });
    expect(
      await again
        .db('anywhere')
        .collection('marks')
        .findOne({ _id: 'kept' } as never),
    ).not.toBeNull();
    await again.close();
    await services('stop');
  });
});
