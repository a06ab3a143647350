import { USER_EVENT_TIMING } from '@provisio/core/events';
import type { UserEventStore } from '@provisio/core/events';
import { createServer } from '@provisio/server/create-server';
import { createAccessTestApp } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProvisioClient } from '@provisio/client';
import { collectEvents } from './testing/collect-events.ts';

let app: AccessTestApp;
let base: string;
const servers: Array<{ stop(graceMs?: number): Promise<void> }> = [];

/** Another replica of the server on the same database and Redis, reading events through `userEvents`. */
async function replica(userEvents: UserEventStore = app.deps.db.userEvents): Promise<string> {
  const server = createServer({
    ...app.deps,
    db: { ...app.deps.db, userEvents },
    resolvePrincipal: app.deps.resolvePrincipal,
  });
  servers.push(server);
  return `http://127.0.0.1:${await server.start(0)}/trpc`;
}

beforeAll(async () => {
  app = await createAccessTestApp();
  base = `http://127.0.0.1:${await app.server.start(0)}/trpc`;
});
afterAll(async () => {
  for (const server of servers) await server.stop(100);
  await app.server.stop(100);
  await app.cleanup();
});

/** A users:read key of the org (each key may hold 5 streams). */
async function readerKey(admin: ReturnType<typeof createProvisioClient>, name: string) {
  const account = await admin.serviceAccounts.create.mutate({ name });
  return admin.keys.create.mutate({ name, ownerType: 'service_account', ownerId: account.id, scopes: ['users:read'] });
}

const live = (org: { orgId: string }) => app.deps.redis.zcard(`provisio:streams:{${org.orgId}}`);

describe('event streams of one org in one process', () => {
  it('cost one read of the events store per poll however many there are, and each gets every event once, in order', async () => {
    const org = await app.newOrg();
    const reads: number[] = [];
    const store = app.deps.db.userEvents;
    const counted: UserEventStore = {
      ...store,
      listBetween: (...args) => (reads.push(Date.now()), store.listBetween(...args)),
    };
    const url = await replica(counted);
    const admin = createProvisioClient({ url, token: org.adminToken });
    const keys = [await readerKey(admin, 'mirror-1'), await readerKey(admin, 'mirror-2')];
    const streams = keys.flatMap(({ token }) =>
      Array.from({ length: 4 }, () => collectEvents(createProvisioClient({ url, token }), null)),
    );
    await Promise.all(streams.map((s) => s.started));

    // Eight live streams; count the reads over the next ten.
    const from = reads.length;
    await vi.waitFor(() => expect(reads.length).toBeGreaterThanOrEqual(from + 11), { timeout: 30_000 });
    const window = reads.slice(from, from + 11);
    const elapsed = (window.at(-1) ?? 0) - (window[0] ?? 0);
    // Ten poll intervals went by between the first and the eleventh read (eight pollers would take ~1/8 of that).
    expect(elapsed).toBeGreaterThanOrEqual(10 * USER_EVENT_TIMING.pollMs - 50);

    const created = [];
    for (const name of ['a', 'b', 'c'])
      created.push(
        (await admin.users.create.mutate({ attributes: { userName: `fanout.${name}@example.com`, active: true } })).id,
      );
    await Promise.all(streams.map((s) => s.until(3)));
    for (const s of streams) expect(s.events.map((e) => e.userId)).toEqual(created);
    expect(new Set(streams.map((s) => s.events.map((e) => e.id).join())).size).toBe(1);
    for (const s of streams) s.stop();
  });
});

describe('stream caps', () => {
  it('allow 5 streams per key across replicas; the 6th is refused with TOO_MANY_REQUESTS until one closes', async () => {
    const org = await app.newOrg();
    const [one, two] = [base, await replica()];
    const admin = createProvisioClient({ url: one, token: org.adminToken });
    const { token } = await readerKey(admin, 'capped');
    const open = (url: string) => collectEvents(createProvisioClient({ url, token }), null);
    const streams = [open(one), open(two), open(one), open(two), open(one)];
    await vi.waitFor(async () => expect(await live(org)).toBe(5), { timeout: 15_000 });
    const sixth = open(two);
    await vi.waitFor(
      () =>
        expect(sixth.errors).toEqual([
          expect.objectContaining({
            code: 'RATE_LIMITED',
            httpStatus: 429,
            message: expect.stringMatching(/already has 5 open event streams \(at most 5 per key or session\)/),
          }),
        ]),
      { timeout: 15_000 },
    );
    expect(streams.every((s) => s.errors.length === 0)).toBe(true);
    // Another key of the org is not affected.
    const other = collectEvents(createProvisioClient({ url: two, token: org.adminToken }), null);
    await vi.waitFor(async () => expect(await live(org)).toBe(6), { timeout: 15_000 });
    streams[0]?.stop();
    await vi.waitFor(async () => expect(await live(org)).toBe(5), { timeout: 15_000 });
    const again = open(two);
    await vi.waitFor(async () => expect(await live(org)).toBe(6), { timeout: 15_000 });
    expect(again.errors).toEqual([]);
    for (const s of [...streams, sixth, other, again]) s.stop();
  });

  it('allow 50 streams per org across replicas; the 51st is refused with TOO_MANY_REQUESTS', async () => {
    const org = await app.newOrg();
    const urls = [base, await replica()];
    const admin = createProvisioClient({ url: base, token: org.adminToken });
    const keys = await Promise.all(Array.from({ length: 10 }, (_, i) => readerKey(admin, `fleet-${i}`)));
    const streams = keys.flatMap(({ token }, k) =>
      Array.from({ length: 5 }, (_, i) =>
        collectEvents(createProvisioClient({ url: urls[(k + i) % 2] ?? base, token }), null),
      ),
    );
    await vi.waitFor(async () => expect(await live(org)).toBe(50), { timeout: 30_000 });
    const extra = collectEvents(createProvisioClient({ url: base, token: org.adminToken }), null);
    await vi.waitFor(
      () =>
        expect(extra.errors).toEqual([
          expect.objectContaining({
            code: 'RATE_LIMITED',
            message: expect.stringMatching(/org already has 50 open event streams \(at most 50 per org\)/),
          }),
        ]),
      { timeout: 15_000 },
    );
    expect(streams.every((s) => s.errors.length === 0)).toBe(true);
    for (const s of streams) s.stop();
  });

  it('hand the lease back on every end: client close, an error, revocation and server shutdown', async () => {
    const org = await app.newOrg();
    const admin = createProvisioClient({ url: base, token: org.adminToken });
    const key = await readerKey(admin, 'ends');
    const url = await replica();
    const client = createProvisioClient({ url, token: key.token });

    const closed = collectEvents(client, null);
    await vi.waitFor(async () => expect(await live(org)).toBe(1), { timeout: 15_000 });
    closed.stop();
    await vi.waitFor(async () => expect(await live(org)).toBe(0), { timeout: 15_000 });

    const failed = collectEvents(client, '01890000-0000-7000-8000-000000000000'); // past retention: refused once leased
    await vi.waitFor(() => expect(failed.errors).toEqual([expect.objectContaining({ scimType: 'expiredCursor' })]), {
      timeout: 15_000,
    });
    expect(await live(org)).toBe(0);

    const revoked = collectEvents(client, null);
    await vi.waitFor(async () => expect(await live(org)).toBe(1), { timeout: 15_000 });
    await admin.keys.revoke.mutate({ id: key.key.id });
    await vi.waitFor(() => expect(revoked.errors).toEqual([expect.objectContaining({ code: 'UNAUTHENTICATED' })]), {
      timeout: 15_000,
    });
    await vi.waitFor(async () => expect(await live(org)).toBe(0), { timeout: 15_000 });

    const stopping = await replica();
    const shutdown = collectEvents(createProvisioClient({ url: stopping, token: org.adminToken }), null);
    await vi.waitFor(async () => expect(await live(org)).toBe(1), { timeout: 15_000 });
    await servers.at(-1)?.stop(10_000);
    expect(await live(org)).toBe(0);
    shutdown.stop();
  });
});
