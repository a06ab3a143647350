import { hashPlatformToken } from '@provisio/core';
import { hashSessionToken, sweepSessions } from '@provisio/core/sessions';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, ORIGIN, PLATFORM_TOKEN } from './testing/web-test-app.ts';

let app: Awaited<ReturnType<typeof createWebTestApp>>;
let orgId: string;
let peterId: string;
beforeAll(async () => {
  app = await createWebTestApp();
  orgId = (await app.newOrg('Initech')).orgId;
});
afterAll(() => app.cleanup());

const trpcGetOn = (agent: ReturnType<typeof request>, cookie: string, headers: Record<string, string> = {}) => {
  const req = agent
    .get('/trpc/users.get')
    .query({ input: JSON.stringify({ id: 'nope' }) })
    .set('Cookie', cookie);
  for (const [k, v] of Object.entries(headers)) void req.set(k, v);
  return req;
};
const trpcGet = (cookie: string, headers: Record<string, string> = {}) => trpcGetOn(app.agent, cookie, headers);

describe('sign-in', () => {
  it('opens a session for an active admin: httpOnly SameSite=Strict cookie, stored only as a hash', async () => {
    peterId = (await app.newUser(orgId, 'peter@initech.example')).id;
    const { res, cookie, csrf, setCookie } = await app.signIn({
      email: 'Peter@Initech.example',
      password: 'a long enough password',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'user',
      org: { id: orgId, name: 'Initech' },
      user: { email: 'peter@initech.example' },
    });
    expect(setCookie).toMatch(
      /^provisio_session=[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = JSON.stringify(await app.models.webSessions.collection.find({}).toArray());
    expect(raw).not.toContain(cookie.split('=')[1]);
    expect(raw).not.toContain(csrf);
    expect((await app.agent.get('/auth/session').set('Cookie', cookie)).body).toMatchObject({
      kind: 'user',
      csrfToken: csrf,
    });
  });

  it('refuses wrong passwords, non-admins, invited and deactivated admins alike', async () => {
    await app.newUser(orgId, 'milton@initech.example', { role: 'standard' });
    await app.newUser(orgId, 'bill@initech.example', { status: 'invited' });
    await app.newUser(orgId, 'bob@initech.example', { status: 'deactivated' });
    for (const email of [
      'peter@initech.example',
      'milton@initech.example',
      'bill@initech.example',
      'bob@initech.example',
      'nobody@initech.example',
    ]) {
      const password = email.startsWith('peter') ? 'wrong password!!' : 'a long enough password';
      const { res, setCookie } = await app.signIn({ email, password });
      expect([email, res.status, setCookie]).toEqual([email, 401, '']);
    }
  });

  it('refuses a sign-in posted from another origin (login CSRF)', async () => {
    const res = await app.agent
      .post('/auth/sign-in')
      .set('Origin', 'https://evil.example')
      .send({ email: 'peter@initech.example', password: 'a long enough password' });
    expect(res.status).toBe(403);
    const site = await app.agent
      .post('/auth/sign-in')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ email: 'peter@initech.example', password: 'a long enough password' });
    expect(site.status).toBe(403);
  });

  it('asks which org when the same email and password open admin accounts in two orgs', async () => {
    const other = (await app.newOrg('Initrode')).orgId;
    await app.newUser(orgId, 'samir@initech.example');
    await app.newUser(other, 'samir@initech.example');
    // The orgs are named by `_id`, one each: FerretDB reads every org for an `$in`.
    const orgReads: Array<Record<string, unknown>> = [];
    const client = app.db.connection.getClient();
    const listen = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === 'find' && e.command['find'] === 'orgs') orgReads.push(e.command);
    };
    client.on('commandStarted', listen);
    const { res } = await app
      .signIn({ email: 'samir@initech.example', password: 'a long enough password' })
      .finally(() => client.off('commandStarted', listen));
    expect(res.status).toBe(409);
    expect(res.body.orgs.map((o: { name: string }) => o.name).sort()).toEqual(['Initech', 'Initrode']);
    expect(orgReads.filter((c) => typeof (c['filter'] as { _id?: unknown })._id !== 'string')).toEqual([]);
    const picked = await app.signIn({
      email: 'samir@initech.example',
      password: 'a long enough password',
      orgId: other,
    });
    expect(picked.res.body.org).toMatchObject({ id: other, name: 'Initrode' });
  });
});

describe('the session on /trpc', () => {
  it('acts as an admin of the org, only with the CSRF header and from our origin', async () => {
    const { cookie, csrf } = await app.signIn({ email: 'peter@initech.example', password: 'a long enough password' });
    expect((await trpcGet(cookie, { 'X-CSRF-Token': csrf, Origin: ORIGIN })).status).toBe(404); // authorised: the user id is unknown
    expect((await trpcGet(cookie)).status).toBe(403);
    expect((await trpcGet(cookie, { 'X-CSRF-Token': 'x'.repeat(43) })).status).toBe(403);
    expect((await trpcGet(cookie, { 'X-CSRF-Token': 'é'.repeat(43) })).status).toBe(403); // same length in characters, not in bytes
    expect((await trpcGet(cookie, { 'X-CSRF-Token': csrf, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await trpcGet(cookie, { 'X-CSRF-Token': csrf, 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    const write = await app.agent.post('/trpc/org.updateSettings').set('Cookie', cookie).send({ samlJitEnabled: true });
    expect(write.status).toBe(403);
    expect((await app.db.orgs.findById(orgId))?.settings.samlJitEnabled).toBe(false);
    const ok = await app.agent
      .post('/trpc/org.updateSettings')
      .set({ Cookie: cookie, 'X-CSRF-Token': csrf, Origin: ORIGIN })
      .send({ samlJitEnabled: true });
    expect(ok.status).toBe(200);
    const [event] = await app.db.audit.list(orgId, { limit: 1 });
    expect(event).toMatchObject({ action: 'org.updateSettings', actor: { type: 'session', userId: peterId } });
    // The ledger finds the admin's web actions by their user id.
    const listed = await app.agent
      .get('/trpc/audit.list')
      .query({ input: JSON.stringify({ actorId: peterId }) })
      .set({ Cookie: cookie, 'X-CSRF-Token': csrf });
    expect(listed.body.result.data.items.map((e: { action: string }) => e.action)).toContain('org.updateSettings');
  });

  it('ends at sign-out, and every POST to /auth needs the CSRF token', async () => {
    const { cookie, csrf } = await app.signIn({ email: 'peter@initech.example', password: 'a long enough password' });
    expect((await app.agent.post('/auth/sign-out').set('Cookie', cookie).send({})).status).toBe(403);
    const out = await app.agent.post('/auth/sign-out').set({ Cookie: cookie, 'X-CSRF-Token': csrf }).send({});
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']?.[0]).toMatch(/^provisio_session=; Max-Age=0/);
    expect((await app.agent.get('/auth/session').set('Cookie', cookie)).status).toBe(401);
    expect((await trpcGet(cookie, { 'X-CSRF-Token': csrf })).status).toBe(401);
  });

  it('ends at once when the admin is deactivated or loses the admin role', async () => {
    const lumbergh = await app.newUser(orgId, 'lumbergh@initech.example');
    const a = await app.signIn({ email: 'lumbergh@initech.example', password: 'a long enough password' });
    const otherBrowser = await app.signIn({ email: 'lumbergh@initech.example', password: 'a long enough password' });
    expect((await app.agent.get('/auth/session').set('Cookie', a.cookie)).status).toBe(200);
    expect(await app.models.webSessions.countDocuments({ userId: lumbergh.id })).toBe(2);
    await app.db.users.updateIfVersion(orgId, lumbergh.id, lumbergh.version, {
      attributes: lumbergh.attributes,
      status: 'deactivated',
      previous: lumbergh,
      now: app.clock.now(),
    });
    expect((await trpcGet(a.cookie, { 'X-CSRF-Token': a.csrf })).status).toBe(401);
    expect((await app.agent.get('/auth/session').set('Cookie', a.cookie)).status).toBe(401);
    expect(await app.models.webSessions.countDocuments({ userId: lumbergh.id })).toBe(0);
    expect((await app.agent.get('/auth/session').set('Cookie', otherBrowser.cookie)).status).toBe(401);

    const nina = await app.newUser(orgId, 'nina@initech.example');
    const b = await app.signIn({ email: 'nina@initech.example', password: 'a long enough password' });
    await app.db.users.updateIfVersion(orgId, nina.id, nina.version, {
      attributes: nina.attributes,
      status: 'active',
      previous: nina,
      role: 'standard',
      now: app.clock.now(),
    });
    expect((await app.agent.get('/auth/session').set('Cookie', b.cookie)).status).toBe(401);
  });

  it('expires after 12 hours idle, and after 7 days however active', async () => {
    const idle = await app.signIn({ email: 'peter@initech.example', password: 'a long enough password' });
    const busy = await app.signIn({ email: 'peter@initech.example', password: 'a long enough password' });
    app.clock.advance(11 * 3600_000);
    expect((await app.agent.get('/auth/session').set('Cookie', busy.cookie)).status).toBe(200);
    app.clock.advance(1 * 3600_000 + 1_000);
    expect((await app.agent.get('/auth/session').set('Cookie', idle.cookie)).status).toBe(401);
    // A request every 11 hours keeps it alive until 7 days after sign-in, not one request longer.
    let alive = 12 * 3600_000 + 1_000;
    while ((await app.agent.get('/auth/session').set('Cookie', busy.cookie)).status === 200) {
      app.clock.advance(11 * 3600_000);
      alive += 11 * 3600_000;
    }
    expect(alive).toBeGreaterThanOrEqual(7 * 24 * 3600_000);
    expect(alive).toBeLessThan(7 * 24 * 3600_000 + 11 * 3600_000 + 1_000);
  });
});

describe('the platform admin', () => {
  it('signs in with the admin token, picks an org, then acts as its admin', async () => {
    expect((await app.signIn({ adminToken: 'not-it' })).res.status).toBe(401);
    const { res, cookie, csrf } = await app.signIn({ adminToken: PLATFORM_TOKEN });
    expect(res.body).toMatchObject({ kind: 'platform', org: null, user: null });
    expect((await trpcGet(cookie, { 'X-CSRF-Token': csrf })).status).toBe(403);
    const orgs = await app.agent.get('/auth/orgs').set('Cookie', cookie);
    expect(orgs.body.items.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(['Initech', 'Initrode']),
    );
    const picked = await app.agent.post('/auth/org').set({ Cookie: cookie, 'X-CSRF-Token': csrf }).send({ orgId });
    expect(picked.body).toMatchObject({ kind: 'platform', org: { id: orgId } });
    expect((await trpcGet(cookie, { 'X-CSRF-Token': csrf })).status).toBe(404);
    // What it changes is the platform admin's doing in the ledger.
    const write = await app.agent
      .post('/trpc/org.updateSettings')
      .set({ Cookie: cookie, 'X-CSRF-Token': csrf, Origin: ORIGIN })
      .send({ inviteTtlHours: 24 });
    expect(write.status).toBe(200);
    const [event] = await app.db.audit.list(orgId, { limit: 1 });
    expect(event).toMatchObject({ action: 'org.updateSettings', actor: { type: 'platform' } });
  });

  it('lasts 15 minutes idle and 1 hour at most (its cookie too), however active', async () => {
    const idle = await app.signIn({ adminToken: PLATFORM_TOKEN });
    const busy = await app.signIn({ adminToken: PLATFORM_TOKEN });
    const unread = await app.signIn({ adminToken: PLATFORM_TOKEN });
    const orgAdmin = await app.signIn({ email: 'peter@initech.example', password: 'a long enough password' });
    expect(busy.setCookie).toContain('Max-Age=3600;');
    app.clock.advance(14 * 60_000);
    expect((await app.agent.get('/auth/session').set('Cookie', busy.cookie)).status).toBe(200);
    app.clock.advance(60_000 + 1_000);
    expect((await app.agent.get('/auth/session').set('Cookie', idle.cookie)).status).toBe(401);
    // The worker's sweep removes idle platform sessions by their own idle time; an org admin's stays.
    const storedOf = ({ cookie }: { cookie: string }) =>
      app.db.sessions.find(hashSessionToken(cookie.split('=')[1] ?? ''));
    expect(await storedOf(unread)).not.toBeNull();
    await sweepSessions({ sessions: app.db.sessions, clock: app.clock });
    expect(await storedOf(unread)).toBeNull();
    expect(await storedOf(orgAdmin)).not.toBeNull();
    // A request every 14 minutes keeps it alive until 1 hour after sign-in, not one request longer.
    let alive = 15 * 60_000 + 1_000;
    while ((await app.agent.get('/auth/session').set('Cookie', busy.cookie)).status === 200) {
      app.clock.advance(14 * 60_000);
      alive += 14 * 60_000;
    }
    expect(alive).toBeGreaterThanOrEqual(3600_000);
    expect(alive).toBeLessThan(3600_000 + 14 * 60_000 + 1_000);
  });

  it('ends when the server is restarted with another admin token', async () => {
    const { cookie, csrf } = await app.signIn({ adminToken: PLATFORM_TOKEN });
    expect(
      (await app.agent.post('/auth/org').set({ Cookie: cookie, 'X-CSRF-Token': csrf }).send({ orgId })).status,
    ).toBe(200);
    const rotated = request(
      app.serverWith({ platformTokenHash: hashPlatformToken('the-next-platform-token-0123456789') }).app,
    );
    expect((await rotated.get('/auth/session').set('Cookie', cookie)).status).toBe(401);
    expect((await trpcGetOn(rotated, cookie, { 'X-CSRF-Token': csrf })).status).toBe(401);
    // The old token no longer opens a session there either; the new one does.
    expect(
      (await rotated.post('/auth/sign-in').set('Origin', ORIGIN).send({ adminToken: PLATFORM_TOKEN })).status,
    ).toBe(401);
    expect(
      (
        await rotated
          .post('/auth/sign-in')
          .set('Origin', ORIGIN)
          .send({ adminToken: 'the-next-platform-token-0123456789' })
      ).status,
    ).toBe(200);
    // A server without the token's hash has no platform sessions at all.
    const unconfigured = request(app.serverWith({ platformTokenHash: undefined }).app);
    expect((await unconfigured.get('/auth/session').set('Cookie', cookie)).status).toBe(401);
    expect(
      (await unconfigured.post('/auth/sign-in').set('Origin', ORIGIN).send({ adminToken: PLATFORM_TOKEN })).status,
    ).toBe(401);
    // The server still on the token it was opened with keeps it.
    expect((await trpcGet(cookie, { 'X-CSRF-Token': csrf })).status).toBe(404);
  });

  it('is the only one who may pick an org', async () => {
    const { cookie, csrf } = await app.signIn({ email: 'peter@initech.example', password: 'a long enough password' });
    expect((await app.agent.get('/auth/orgs').set('Cookie', cookie)).status).toBe(403);
    expect(
      (await app.agent.post('/auth/org').set({ Cookie: cookie, 'X-CSRF-Token': csrf }).send({ orgId })).status,
    ).toBe(403);
  });
});

describe('serving the app', () => {
  it('serves index.html for app routes that browsers navigate to, and leaves the API alone', async () => {
    const page = await app.agent.get('/users/0190').set('Accept', 'text/html,application/xhtml+xml');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Provisio admin');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await app.agent.get('/users/0190')).status).toBe(404);
    expect((await app.agent.get('/scim/v2/Nope').set('Accept', 'text/html')).status).toBe(401);
    expect((await app.agent.get('/healthz').set('Accept', 'text/html')).status).toBe(200);
    expect((await app.agent.post('/users').set('Accept', 'text/html')).status).toBe(404);
  });
});
