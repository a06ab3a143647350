import { createWebTestApp } from '@provisio/server/web-testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collectEvents } from './testing/collect-events.ts';
import { sessionClient } from './testing/session-client.ts';

let app: Awaited<ReturnType<typeof createWebTestApp>>;
let url: string;
let orgId: string;

beforeAll(async () => {
  app = await createWebTestApp();
  url = `http://127.0.0.1:${await app.server.start(0)}/trpc`;
  orgId = (await app.newOrg('Initech')).orgId;
});
afterAll(async () => {
  await app.server.stop(100);
  await app.cleanup();
});

/** A signed-in admin (a fresh user per test) and a stream opened with their session. */
async function streamOfNewAdmin(email: string) {
  const user = await app.newUser(orgId, email);
  const { cookie, csrf } = await app.signIn({ email, password: 'a long enough password' });
  const client = sessionClient({ url, cookie, csrf });
  const stream = collectEvents(client, null);
  await stream.started;
  // The session works for calls, and the stream is live: it gets the events of the org.
  const created = await client.users.create.mutate({ attributes: { userName: `seen.by.${email}`, active: true } });
  await vi.waitFor(() => expect(stream.events.map((e) => e.userId)).toContain(created.id), { timeout: 15_000 });
  return { user, cookie, csrf, stream };
}

const ended = (stream: ReturnType<typeof collectEvents>, message: RegExp) =>
  vi.waitFor(
    () =>
      expect(stream.errors).toEqual([
        expect.objectContaining({ code: 'UNAUTHENTICATED', message: expect.stringMatching(message) }),
      ]),
    { timeout: 20_000 },
  );

describe('an event stream opened with a web session', () => {
  it('ends within seconds of sign-out', async () => {
    const { cookie, csrf, stream } = await streamOfNewAdmin('michael@initech.example');
    expect((await app.agent.post('/auth/sign-out').set({ Cookie: cookie, 'X-CSRF-Token': csrf }).send({})).status).toBe(
      200,
    );
    await ended(stream, /^Your session has ended \(you signed out, or it expired\)/);
    stream.stop();
  });

  it('ends within seconds when its user loses the admin role', async () => {
    const { user, stream } = await streamOfNewAdmin('samir@initech.example');
    await app.db.users.updateIfVersion(orgId, user.id, user.version, {
      attributes: user.attributes,
      status: 'active',
      previous: user,
      role: 'standard',
      now: app.clock.now(),
    });
    await ended(stream, /^Your session has ended: you are no longer an active admin of this org/);
    stream.stop();
  });

  it('counts against a cap of 5 per session, like a key', async () => {
    await app.newUser(orgId, 'peter@initech.example');
    const { cookie, csrf } = await app.signIn({ email: 'peter@initech.example', password: 'a long enough password' });
    const client = sessionClient({ url, cookie, csrf });
    const streams = Array.from({ length: 5 }, () => collectEvents(client, null));
    await vi.waitFor(
      async () => expect(await app.deps.redis.zcard(`provisio:streams:{${orgId}}`)).toBeGreaterThanOrEqual(5),
      { timeout: 15_000 },
    );
    const sixth = collectEvents(client, null);
    await vi.waitFor(
      () =>
        expect(sixth.errors).toEqual([
          expect.objectContaining({ code: 'RATE_LIMITED', message: expect.stringMatching(/per key or session/) }),
        ]),
      { timeout: 15_000 },
    );
    for (const s of [...streams, sixth]) s.stop();
  });

  it('ends when the session expires (12 hours idle), however busy the stream was', async () => {
    const { stream } = await streamOfNewAdmin('joanna@initech.example');
    app.clock.advance(12 * 3600_000 + 1_000);
    await ended(stream, /^Your session has expired/);
    stream.stop();
  });
});
