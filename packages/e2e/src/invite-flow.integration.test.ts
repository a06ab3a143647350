import { inviteLinksIn } from '@provisio/email/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { oktaUser, startStack } from './harness.ts';

// Runs on the built server and worker processes: what is tested is what ships.
let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack({ rejectMail: (to) => to.startsWith('bounce') });
});
afterAll(() => stack.stop());

const scim = () => ({
  post: (path: string, body: unknown) =>
    request(stack.app)
      .post(`/scim/v2${path}`)
      .set('Authorization', `Bearer ${stack.scimToken}`)
      .send(body as object),
  get: (path: string) => request(stack.app).get(`/scim/v2${path}`).set('Authorization', `Bearer ${stack.scimToken}`),
});
const trpc = (path: string, input: unknown) =>
  request(stack.app)
    .post(`/trpc/${path}`)
    .set('Authorization', `Bearer ${stack.adminToken}`)
    .send(input as object);
const trpcQuery = (path: string, input: unknown) =>
  request(stack.app)
    .get(`/trpc/${path}`)
    .query({ input: JSON.stringify(input) })
    .set('Authorization', `Bearer ${stack.adminToken}`);

const mailsTo = (to: string) => stack.smtp.mails.filter((m) => m.to.includes(to));
async function linksFor(to: string, count = 1): Promise<string[]> {
  await stack.smtp.until(() => mailsTo(to).length >= count);
  return mailsTo(to).flatMap((m) => inviteLinksIn(m.raw));
}
/** The invite's status once it reaches `state`. */
const inviteInState = (userId: string, state: 'sent' | 'failed') =>
  vi.waitFor(
    async () => {
      const status = (await trpcQuery('invites.status', { userId })).body.result?.data;
      expect(status?.state).toBe(state);
      return status;
    },
    { timeout: 15_000, interval: 50 },
  );
/** The mail can arrive a moment before the worker marks the invite sent, and only a sent link opens. */
const markedSent = (userId: string) => inviteInState(userId, 'sent');
const pathOf = (link: string) => new URL(link).pathname;
const accept = (link: string, password: string, confirm = password) =>
  request(stack.app).post(pathOf(link)).type('form').send({ password, confirm });

describe('invites over SCIM, the worker and real SMTP', () => {
  it('sends exactly one email with a working link on create; accepting makes the user active', async () => {
    const created = await scim().post('/Users', oktaUser('ada@example.com'));
    expect(created.status).toBe(201);
    expect(created.body.active).toBe(true); // invited users read active over SCIM (Okta loops otherwise)
    const [link] = await linksFor('ada@example.com');
    expect(link).toMatch(/^http:\/\/provisio\.test\/invite\/[A-Za-z0-9_-]{43}$/);

    expect(await markedSent(created.body.id)).toMatchObject({ state: 'sent', failedReason: null });

    const page = await request(stack.app).get(pathOf(link ?? ''));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Acme Corp');
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    expect((await accept(link ?? '', 'short')).status).toBe(400);
    const email = await accept(link ?? '', 'ADA@example.com');
    expect([email.status, email.text]).toEqual([400, expect.stringContaining('other than your email address')]);
    const long = await accept(link ?? '', 'x'.repeat(257));
    expect([long.status, long.text]).toEqual([400, expect.stringContaining('at most 256 characters')]);
    expect((await accept(link ?? '', 'correct horse battery', 'different horse battery')).status).toBe(400);
    const done = await accept(link ?? '', 'correct horse battery');
    expect(done.status).toBe(200);
    expect(done.text).toContain('all set');

    const user = await scim().get(`/Users/${created.body.id}`);
    expect(user.body.active).toBe(true);
    const record = await trpcQuery('users.get', { id: created.body.id });
    expect(record.body.result.data.status).toBe('active');
    await stack.settled();
    expect(mailsTo('ada@example.com')).toHaveLength(1);
  });

  it('never uses up the token on GET, and rejects a used link', async () => {
    const created = await scim().post('/Users', oktaUser('grace@example.com'));
    const [link] = await linksFor('grace@example.com');
    await markedSent(created.body.id);
    for (let i = 0; i < 3; i++) expect((await request(stack.app).get(pathOf(link ?? ''))).status).toBe(200);
    expect((await accept(link ?? '', 'a long enough password')).status).toBe(200);
    const again = await request(stack.app).get(pathOf(link ?? ''));
    expect(again.status).toBe(410);
    expect(again.text).toContain('already used');
    expect(again.text).toContain('resend');
    expect((await accept(link ?? '', 'a long enough password')).status).toBe(410);
    expect(created.status).toBe(201);
  });

  it('resend makes a new link and the old one stop working', async () => {
    const created = await scim().post('/Users', oktaUser('linus@example.com'));
    const [oldLink] = await linksFor('linus@example.com');
    const tooSoon = await trpc('invites.resend', { userId: created.body.id });
    expect(tooSoon.status).toBe(429);
    await stack.ageInvites(created.body.id, 61_000);
    const resent = await trpc('invites.resend', { userId: created.body.id });
    expect(resent.status).toBe(200);
    const links = await linksFor('linus@example.com', 2);
    const newLink = links.find((l) => l !== oldLink) ?? '';
    expect(newLink).not.toBe('');
    const old = await request(stack.app).get(pathOf(oldLink ?? ''));
    expect(old.status).toBe(410);
    expect(old.text).toContain('newer invite');
    expect((await accept(oldLink ?? '', 'a long enough password')).status).toBe(410);
    await markedSent(created.body.id);
    expect((await accept(newLink, 'a long enough password')).status).toBe(200);
  });

  it('rejects an expired link (2 days by default) with a page that says to ask for a resend', async () => {
    const created = await scim().post('/Users', oktaUser('margaret@example.com'));
    const [link] = await linksFor('margaret@example.com');
    await markedSent(created.body.id);
    expect((await request(stack.app).get(pathOf(link ?? ''))).status).toBe(200);
    await stack.ageInvites(created.body.id, 48 * 3600_000 + 1_000);
    const expired = await request(stack.app).get(pathOf(link ?? ''));
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('expired');
    expect(expired.text).toContain('Ask an admin of Acme Corp to resend');
    expect((await accept(link ?? '', 'a long enough password')).status).toBe(410);
  });

  it('records a permanent SMTP rejection on the invite and does not retry it', async () => {
    const created = await scim().post('/Users', oktaUser('bounce@example.com'));
    const status = await inviteInState(created.body.id, 'failed');
    expect(status.failedReason).toMatch(/rejected/);
    // Not retried: once the worker is idle, the one rejected attempt is all the SMTP server saw.
    await stack.settled();
    expect(stack.smtp.rejected).toEqual(['bounce@example.com']);
  });

  it('shows a clear page for an unknown or malformed token', async () => {
    for (const token of ['x'.repeat(43), 'nope', '..%2F..%2Fetc']) {
      const res = await request(stack.app).get(`/invite/${token}`);
      expect(res.status).toBe(404);
      expect(res.text).toContain('not valid');
    }
  });

  it('does not invite a user created deactivated', async () => {
    const created = await scim().post('/Users', { ...oktaUser('off@example.com'), active: false });
    expect(created.status).toBe(201);
    await stack.settled();
    expect((await trpcQuery('invites.status', { userId: created.body.id })).body.result.data).toBeNull();
    expect(mailsTo('off@example.com')).toHaveLength(0);
  });
});
