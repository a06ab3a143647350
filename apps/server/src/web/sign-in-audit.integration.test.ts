import { randomBytes } from 'node:crypto';
import { PLATFORM_LEDGER } from '@provisio/core/audit';
import type { AuditEvent } from '@provisio/core/audit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebTestApp, ORIGIN, PLATFORM_TOKEN } from './testing/web-test-app.ts';

const newAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

let app: Awaited<ReturnType<typeof createWebTestApp>>;
let orgId: string;
let adminId: string;
beforeAll(async () => {
  app = await createWebTestApp({
    signInLimits: { perAddress: 1_000, failuresBeforeBackoff: 2, backoffBaseSeconds: 600 },
  });
  orgId = (await app.newOrg('Initech')).orgId;
  adminId = (await app.newUser(orgId, 'admin@initech.example')).id;
});
afterAll(() => app.cleanup());

const signInFrom = (address: string, body: Record<string, unknown>) =>
  app.agent
    .post('/auth/sign-in')
    .set({ Origin: ORIGIN, 'X-Forwarded-For': address, 'User-Agent': 'Mozilla/5.0 test' })
    .send(body);

/** Failed sign-ins are audited after the answer: wait for the one from `address`. */
const eventsFrom = (ledger: string, address: string, count = 1) =>
  vi.waitFor(
    async () => {
      const events = (await app.db.audit.list(ledger, { limit: 500 })).filter((e) => e.address === address);
      if (events.length < count) throw new Error(`${events.length} of ${count} events from ${address}`);
      return events;
    },
    { timeout: 5_000, interval: 50 },
  );

describe('failed sign-ins', () => {
  it('are audit events of the admin account’s org: account, address, reason, and never the password', async () => {
    const address = newAddress();
    expect(
      (await signInFrom(address, { email: ' Admin@Initech.EXAMPLE', password: 'hunter2 but longer' })).status,
    ).toBe(401);
    const [event] = await eventsFrom(orgId, address);
    expect(event).toMatchObject({
      surface: 'web',
      actor: { type: 'anonymous', account: 'admin@initech.example' },
      address,
      userAgent: 'Mozilla/5.0 test',
      method: 'POST',
      path: '/auth/sign-in',
      action: 'auth.signIn',
      resourceType: 'User',
      resourceId: adminId,
      status: 401,
      outcome: 'failure',
      notes: [expect.stringMatching(/wrong password/)],
    });
    expect(JSON.stringify(event)).not.toContain('hunter2');
  });

  it('that name no admin account, or try a wrong admin token, go to the platform ledger', async () => {
    const address = newAddress();
    expect(
      (await signInFrom(address, { email: 'nobody@initech.example', password: 'a long enough password' })).status,
    ).toBe(401);
    expect((await signInFrom(address, { adminToken: 'not-the-platform-token' })).status).toBe(401);
    const events = await eventsFrom(PLATFORM_LEDGER, address, 2);
    expect(events.map((e) => [e.actor, e.status, e.notes[0]])).toEqual(
      expect.arrayContaining([
        [
          { type: 'anonymous', account: 'nobody@initech.example' },
          401,
          expect.stringMatching(/no active admin account/),
        ],
        [{ type: 'anonymous', account: null }, 401, expect.stringMatching(/not the platform admin token/)],
      ]),
    );
    expect(JSON.stringify(events)).not.toContain('not-the-platform-token');
    expect((await app.db.audit.list(orgId, { limit: 500 })).some((e) => e.address === address)).toBe(false);
  });

  it('refused by the limits are audit events too (429)', async () => {
    const address = newAddress();
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await signInFrom(address, { email: 'admin@initech.example', password: `guess number ${i}` })).status,
      );
    expect(statuses).toEqual([401, 401, 429]);
    const [limited] = await eventsFrom(PLATFORM_LEDGER, address);
    expect(limited).toMatchObject({
      actor: { type: 'anonymous', account: 'admin@initech.example' },
      status: 429,
      notes: [expect.stringMatching(/too many attempts/)],
    });
    expect(await eventsFrom(orgId, address, 2)).toHaveLength(2);
  });

  it('get one answer whether the account exists or not', async () => {
    const answer = async (email: string) => {
      const res = await signInFrom(newAddress(), { email, password: 'a wrong password!' });
      const { date: _date, 'x-request-id': _id, ...headers } = res.headers as Record<string, string>;
      return { status: res.status, body: res.body as unknown, headers };
    };
    expect(await answer('nobody-at-all@initech.example')).toEqual(await answer('admin@initech.example'));
  });

  it('are shown to the platform admin in the platform ledger, and to no org admin', async () => {
    const address = newAddress();
    await signInFrom(address, { email: 'ghost@initech.example', password: 'a long enough password' });
    await eventsFrom(PLATFORM_LEDGER, address);
    const listPlatform = (cookie: string, csrf: string) =>
      app.agent
        .get('/trpc/audit.list')
        .query({ input: JSON.stringify({ ledger: 'platform', actorId: 'ghost@initech.example' }) })
        .set({ Cookie: cookie, 'X-CSRF-Token': csrf });
    const platform = await app.signIn({ adminToken: PLATFORM_TOKEN });
    await app.agent.post('/auth/org').set({ Cookie: platform.cookie, 'X-CSRF-Token': platform.csrf }).send({ orgId });
    const shown = await listPlatform(platform.cookie, platform.csrf);
    expect(shown.body.result.data.items.map((e: AuditEvent) => e.address)).toEqual([address]);
    const orgAdmin = await app.signIn({ email: 'admin@initech.example', password: 'a long enough password' });
    expect((await listPlatform(orgAdmin.cookie, orgAdmin.csrf)).status).toBe(403);
  });
});
