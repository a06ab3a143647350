import { uuidV7 } from '@provisio/core';
import { openSession } from '@provisio/core/sessions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, ORIGIN } from '../web/testing/web-test-app.ts';

// The account page of a person who is not an admin (a `member` session, as the ACS opens one):
// what it shows, and a sign-out that ends the session on the server.
let app: Awaited<ReturnType<typeof createWebTestApp>>;

beforeAll(async () => {
  app = await createWebTestApp();
});
afterAll(() => app.cleanup());

async function member() {
  const { orgId } = await app.newOrg();
  const user = await app.newUser(orgId, 'bob@acme.example', { role: 'standard' });
  const now = app.clock.now();
  const group = await app.db.groups.insert(orgId, { id: uuidV7(), attributes: { displayName: 'Engineering' }, now });
  await app.db.groups.applyMembership(orgId, group.id, {
    add: [{ value: user.id, type: 'User' }],
    remove: [],
    replaceAll: false,
  });
  const { token } = await openSession(
    { sessions: app.db.sessions, clock: app.clock },
    { kind: 'member', orgId, userId: user.id, platformTokenHash: null },
  );
  return { orgId, user, cookie: `provisio_account=${token}` };
}

const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('/account', () => {
  it('shows name, email and groups', async () => {
    const { cookie } = await member();
    const res = await app.agent.get('/account').set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<dd>bob</dd>');
    expect(res.text).toContain('<dd>bob@acme.example</dd>');
    expect(res.text).toContain('<li>Engineering</li>');
  });

  it('signs out on the server: the same cookie no longer opens the page', async () => {
    const { cookie } = await member();
    const page = await app.agent.get('/account').set('Cookie', cookie);
    const out = await app.agent
      .post('/account/sign-out')
      .set('Cookie', cookie)
      .set('Origin', ORIGIN)
      .type('form')
      .send({ csrf: csrfOf(page.text) });
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']?.[0]).toMatch(/^provisio_account=; Max-Age=0/);
    const again = await app.agent.get('/account').set('Cookie', cookie);
    expect(again.status).toBe(401);
    expect(again.text).toContain('signed out');
  });

  it('refuses a sign-out without the CSRF token or from another site (the session stays)', async () => {
    const { cookie } = await member();
    const csrf = csrfOf((await app.agent.get('/account').set('Cookie', cookie)).text);
    const post = () => app.agent.post('/account/sign-out').set('Cookie', cookie).type('form');
    expect((await post().set('Origin', ORIGIN).send({ csrf: 'wrong' })).status).toBe(403);
    expect((await post().set('Origin', 'https://evil.example').send({ csrf })).status).toBe(403);
    expect((await app.agent.get('/account').set('Cookie', cookie)).status).toBe(200);
  });

  it('ends when the user is deactivated, and without a cookie says signed out', async () => {
    const { orgId, user, cookie } = await member();
    expect((await app.agent.get('/account')).status).toBe(401);
    await app.db.users.updateIfVersion(orgId, user.id, user.version, {
      attributes: { ...user.attributes, active: false },
      status: 'deactivated',
      previous: user,
      now: app.clock.now(),
    });
    expect((await app.agent.get('/account').set('Cookie', cookie)).status).toBe(401);
  });
});
