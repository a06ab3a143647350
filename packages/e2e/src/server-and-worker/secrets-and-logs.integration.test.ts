import { Writable } from 'node:stream';
import { inviteLinksIn } from '@provisio/email/testing';
import { createLogger } from '@provisio/logger';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, deactivateOp, keySecretOf, scimUser } from '@provisio/server/auth-testing';
import type { AccessTestApp } from '@provisio/server/auth-testing';
import { startAccessStack } from './access-stack.ts';

const ORIGIN = 'http://provisio.test';
let stack: Awaited<ReturnType<typeof startAccessStack>>;
let app: AccessTestApp;
let smtp: Awaited<ReturnType<typeof startAccessStack>>['smtp'];
/** Every secret the run made or sent: key tokens, invite tokens, passwords, session ids, CSRF tokens, the platform token. */
const secrets = new Set<string>();
const keep = (...values: string[]) =>
  values.forEach((v) => secrets.add(v.startsWith('pvk_') ? keySecretOf(v) : v).add(v));

/** The worker's lines go to the same capture as the server's. */
function workerLogger(lines: string[]) {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return createLogger({ name: 'test-worker', level: 'trace', destination });
}

/** The path of the invite link mailed to `to`, once the worker has also marked the invite sent (the mail can come first). */
async function inviteLinkTo(to: string, userId: string, adminToken: string): Promise<string> {
  const mail = await vi.waitFor(
    () => {
      const found = smtp.mails.find((m) => m.to.includes(to));
      if (!found) throw new Error(`no mail to ${to} yet`);
      return found;
    },
    { timeout: 20_000, interval: 25 },
  );
  await vi.waitFor(
    async () =>
      expect((await app.trpc(adminToken, 'invites.status', { userId }, 'query')).data).toMatchObject({ state: 'sent' }),
    { timeout: 20_000, interval: 25 },
  );
  const [link] = inviteLinksIn(mail.raw);
  if (!link) throw new Error(`no invite link in the mail to ${to}`);
  keep(link.split('/invite/')[1] ?? '');
  return new URL(link).pathname;
}

const accept = (path: string, password: string, confirm = password) =>
  app.agent.post(path).type('form').send({ password, confirm });

async function signIn(body: Record<string, string>) {
  const res = await app.agent.post('/auth/sign-in').set('Origin', ORIGIN).send(body);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
  const csrf = (res.body as { csrfToken?: string }).csrfToken ?? '';
  if (cookie) keep(cookie.split('=')[1] ?? '', csrf);
  return { status: res.status, cookie, csrf };
}

beforeAll(async () => {
  stack = await startAccessStack({ captureLogs: true, workerLogger: (a) => workerLogger(a.logLines) });
  ({ app, smtp } = stack);

  // Keys everywhere: creation, SCIM, tRPC, revocation, deprovisioning, bad tokens.
  const org = await app.newOrg();
  keep(org.scimToken, org.adminToken, ADMIN_TOKEN);
  const owner = await app.scim('post', '/Users', org.scimToken).send(scimUser('keyholder@example.com'));
  const made = await app.trpc(org.adminToken, 'keys.create', {
    name: 'personal',
    ownerType: 'user',
    ownerId: owner.body.id,
    scopes: ['scim'],
  });
  const personal = (made.data as { token: string }).token;
  const spare = (
    await app.trpc(org.adminToken, 'keys.create', {
      name: 'spare',
      ownerType: 'service_account',
      ownerId: org.serviceAccountId,
      scopes: ['users:read'],
    })
  ).data as { token: string };
  keep(personal, spare.token);
  await app.scim('get', '/Users?filter=userName eq "keyholder@example.com"', personal);
  await app.trpc(spare.token, 'users.list', {}, 'query');

  // An invite over SCIM: the mail, a GET of the link, a refused and an accepted POST, a replay.
  const invitee = await app.scim('post', '/Users', org.scimToken).send(scimUser('invitee@example.com'));
  const inviteePath = await inviteLinkTo('invitee@example.com', invitee.body.id, org.adminToken);
  keep('invitee-Password-7gQ2', 'invitee-Mismatch-3xZ8');
  expect((await app.agent.get(inviteePath)).status).toBe(200);
  expect((await accept(inviteePath, 'invitee-Password-7gQ2', 'invitee-Mismatch-3xZ8')).status).toBe(400);
  expect((await accept(inviteePath, 'invitee-Password-7gQ2')).status).toBe(200);
  expect((await accept(inviteePath, 'invitee-Password-7gQ2')).status).toBe(410);

  // An admin invited by an admin key accepts, signs in (once wrongly), and makes a key with the session.
  const bossUser = await app.trpc(org.adminToken, 'users.create', {
    attributes: scimUser('boss@example.com'),
    role: 'admin',
  });
  const bossPath = await inviteLinkTo('boss@example.com', (bossUser.data as { id: string }).id, org.adminToken);
  keep('boss-Password-9kW4', 'boss-Wrong-Guess-5hT1');
  expect((await accept(bossPath, 'boss-Password-9kW4')).status).toBe(200);
  expect((await signIn({ email: 'boss@example.com', password: 'boss-Wrong-Guess-5hT1' })).status).toBe(401);
  const boss = await signIn({ email: 'boss@example.com', password: 'boss-Password-9kW4' });
  expect(boss.status).toBe(200);
  const viaSession = await app.agent
    .post('/trpc/keys.create')
    .set({ Cookie: boss.cookie, 'X-CSRF-Token': boss.csrf, Origin: ORIGIN })
    .send({
      name: 'made in the web app',
      ownerType: 'service_account',
      ownerId: org.serviceAccountId,
      scopes: ['scim'],
    });
  expect(viaSession.status).toBe(200);
  const sessionKey = (viaSession.body as { result: { data: { token: string } } }).result.data.token;
  keep(sessionKey);
  await app.scim('get', '/Users', sessionKey);
  expect(
    (await app.agent.post('/auth/sign-out').set({ Cookie: boss.cookie, 'X-CSRF-Token': boss.csrf, Origin: ORIGIN }))
      .status,
  ).toBe(200);

  // The platform admin signs in to the web app with the platform token.
  expect((await signIn({ adminToken: ADMIN_TOKEN })).status).toBe(200);

  // Deprovisioning revokes the personal key; then wrong and revoked tokens.
  const last = await app
    .scim('patch', `/Users/${owner.body.id}`, personal)
    .set('X-Request-Id', 'secrets-last-audited')
    .send(deactivateOp);
  expect(last.status).toBe(200);
  await app.scim('get', '/Users', personal);
  await app.scim('get', '/Users', `${personal}x`);
  await app.trpc(`${org.adminToken.slice(0, -1)}A`, 'keys.list', undefined, 'query');
  // Audit events are written once a response has gone out: wait for the last one.
  await vi.waitFor(async () =>
    expect(await app.models.auditEvents.countDocuments({ requestId: 'secrets-last-audited', surface: 'scim' })).toBe(1),
  );
}, 60_000);

afterAll(() => stack.stop());

describe('secrets', () => {
  it('stores no raw key secret: the keys collection holds only hashes', async () => {
    const raw = await app.models.keys.collection.find({}).toArray();
    expect(raw.length).toBeGreaterThanOrEqual(5);
    const dump = JSON.stringify(raw);
    for (const secret of secrets) expect(dump).not.toContain(secret);
    expect(raw.every((k) => typeof k['secretHash'] === 'string' && /^[0-9a-f]{64}$/.test(k['secretHash']))).toBe(true);
  });

  it('writes no secret into the audit ledger either', async () => {
    const dump = JSON.stringify(await app.models.auditEvents.collection.find({}).toArray());
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });
});

describe('logs', () => {
  it('finds none of the secrets the run made in any line the server or the worker logged', () => {
    // 5 key tokens and their secret parts, the platform token, 2 invite tokens, 4 passwords, 2 session ids and their CSRF tokens.
    expect(secrets.size).toBe(21);
    const all = app.logLines.join('\n');
    expect(all).toContain('"service":"test-worker"');
    const leaked = [...secrets].filter((secret) => all.includes(secret));
    expect(leaked).toEqual([]);
    expect(all).toContain('/invite/[redacted]');
    expect(all).not.toMatch(/Bearer /);
  });
});
