import { createAccessTestApp, deactivateOp, scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvisioClient, isResyncRequired } from '@provisio/client';
import type { ProvisioClient } from '@provisio/client';
import { collectEvents } from './testing/collect-events.ts';
import { serverOnDb } from './testing/server-on-db.ts';

let app: AccessTestApp;
let port: number;
let org: Awaited<ReturnType<AccessTestApp['newOrg']>>;
let client: ProvisioClient;

beforeAll(async () => {
  app = await createAccessTestApp();
  port = await app.server.start(0);
  org = await app.newOrg();
  client = createProvisioClient({ url: `http://127.0.0.1:${port}/trpc`, token: org.adminToken });
});
afterAll(async () => {
  await app.server.stop(100);
  await app.cleanup();
});

/** SCIM calls against any server of the test (by base URL). */
const scim = (base: string, method: string, path: string, body?: unknown) =>
  fetch(`${base}/scim/v2${path}`, {
    method,
    headers: { authorization: `Bearer ${org.scimToken}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then(async (res) => ({
    status: res.status,
    body: (res.status === 204 ? null : await res.json()) as { id: string },
  }));

const summary = (events: Array<{ type: string; userId: string; version: number }>) =>
  events.map((e) => `${e.type}:${e.userId.slice(-4)}:v${e.version}`);

describe('events.onUserChange over SSE', () => {
  let lastId = '';

  it('streams every lifecycle change, SCIM and tRPC alike, in order', async () => {
    const { lastEventId: head } = await client.events.head.query();
    const live = collectEvents(client, head);
    const base = `http://127.0.0.1:${port}`;
    const a = await scim(base, 'POST', '/Users', scimUser('live.a@example.com'));
    await scim(base, 'PATCH', `/Users/${a.body.id}`, deactivateOp);
    await scim(base, 'PUT', `/Users/${a.body.id}`, scimUser('live.a@example.com', { title: 'Back' }));
    const b = await client.users.create.mutate({ attributes: { userName: 'live.b@example.com', active: true } });
    await client.users.update.mutate({ id: b.id, set: { title: 'New' } });
    await scim(base, 'DELETE', `/Users/${a.body.id}`);
    const events = await live.until(6);
    const [ida, idb] = [a.body.id.slice(-4), b.id.slice(-4)];
    expect(summary(events)).toEqual([
      `created:${ida}:v1`,
      `deactivated:${ida}:v2`,
      `reactivated:${ida}:v3`,
      `created:${idb}:v1`,
      `updated:${idb}:v2`,
      `deleted:${ida}:v4`,
    ]);
    expect(events.map((e) => e.id)).toEqual(events.map((e) => e.id).sort());
    expect(events[4]?.user?.attributes.title).toBe('New');
    live.stop();
    lastId = events.at(-1)?.id ?? '';
  });

  it('resumes after a reconnect with exactly the events it missed', async () => {
    const c = await client.users.create.mutate({ attributes: { userName: 'offline.c@example.com', active: true } });
    await client.users.deactivate.mutate({ id: c.id });
    const resumed = collectEvents(client, lastId);
    await resumed.started;
    // A change made after the resume comes right after the missed ones: nothing repeated or skipped in between.
    const marker = await client.users.create.mutate({ attributes: { userName: 'online.m@example.com', active: true } });
    const events = await resumed.until(3);
    expect(summary(events)).toEqual([
      `created:${c.id.slice(-4)}:v1`,
      `deactivated:${c.id.slice(-4)}:v2`,
      `created:${marker.id.slice(-4)}:v1`,
    ]);
    expect(resumed.events).toHaveLength(3);
    resumed.stop();
    lastId = events.at(-1)?.id ?? '';
  });

  it('loses nothing across a server restart: changes made through another server come after the last id, in order', async () => {
    const live = collectEvents(client, lastId);
    await app.server.stop(100);
    // Another server process on the same database takes the changes while this one is down.
    const other = await serverOnDb(app.deps.db.connection.name);
    const d = await scim(other.base, 'POST', '/Users', scimUser('restart.d@example.com'));
    await scim(other.base, 'PATCH', `/Users/${d.body.id}`, deactivateOp);
    await scim(other.base, 'DELETE', `/Users/${d.body.id}`);
    await other.close();
    // A fresh server (new connections, nothing in memory) on the old port.
    const restarted = await serverOnDb(app.deps.db.connection.name, port);
    try {
      const id = d.body.id.slice(-4);
      const expected = [`created:${id}:v1`, `deactivated:${id}:v2`, `deleted:${id}:v3`];
      const explicit = collectEvents(client, lastId);
      expect(summary(await explicit.until(3))).toEqual(expected);
      explicit.stop();
      // The subscription that was open during the restart reconnects by itself with its last id.
      expect(summary(await live.until(3, 30_000))).toEqual(expected);
      // A change after the reconnect comes right after the three: none of them arrives twice.
      const marker = await scim(restarted.base, 'POST', '/Users', scimUser('restart.m@example.com'));
      expect(summary(await live.until(4))).toEqual([...expected, `created:${marker.body.id.slice(-4)}:v1`]);
      expect(live.events).toHaveLength(4);
      live.stop();
    } finally {
      await restarted.close();
      await app.server.start(port);
    }
  });

  it('refuses a resume id past retention with a resync error, and a key without users:read', async () => {
    const stale = collectEvents(client, '01890000-0000-7000-8000-000000000000');
    await expect(stale.until(1)).rejects.toSatisfy(isResyncRequired);
    stale.stop();
    const noKey = collectEvents(
      createProvisioClient({ url: `http://127.0.0.1:${port}/trpc`, token: 'pvk_bad_token' }),
      null,
    );
    await expect(noKey.until(1)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    noKey.stop();
  });

  it('ends a stream within seconds when its key is revoked', async () => {
    const account = await client.serviceAccounts.create.mutate({ name: 'mirror' });
    const { key, token } = await client.keys.create.mutate({
      name: 'mirror',
      ownerType: 'service_account',
      ownerId: account.id,
      scopes: ['users:read'],
    });
    const reader = collectEvents(createProvisioClient({ url: `http://127.0.0.1:${port}/trpc`, token }), null);
    await reader.started;
    expect(reader.errors).toEqual([]);
    await client.keys.revoke.mutate({ id: key.id });
    await expect(reader.until(1, 15_000)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/^This application key was revoked at .*Create a new key/),
    });
    reader.stop();
  });
});
