import { randomUUID } from 'node:crypto';
import { hashPassword, systemClock, uuidV7 } from '@provisio/core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from '../create-server.ts';
import { createAccessTestApp, keySecretOf } from './testing/access-test-app.ts';
import type { AccessTestApp } from './testing/access-test-app.ts';

const ORIGIN = 'http://provisio.test';
let app: AccessTestApp;
/** The server under test: 5 calls a second and no burst reserve; 3 refused credentials per address a minute. */
let limited: ReturnType<typeof request>;
let org: Awaited<ReturnType<AccessTestApp['newOrg']>>;
beforeAll(async () => {
  app = await createAccessTestApp();
  org = await app.newOrg();
  limited = request(
    createServer({
      ...app.deps,
      rateLimit: { perSecond: 5, burst: 5, burstWindowSeconds: 1 },
      badCredentialLimit: { perAddress: 3, windowSeconds: 60 },
    }).app,
  );
});
afterAll(async () => {
  await app.cleanup();
});

/**
 * Requests from `address` (the server trusts X-Forwarded-For from loopback, as behind a
 * local proxy): addresses of this run alone, since every test file's refused tokens from
 * 127.0.0.1 count in the same Redis.
 */
const from = (address: string) => ({
  scim: (token: string) =>
    limited.get('/scim/v2/Users').set({ Authorization: `Bearer ${token}`, 'X-Forwarded-For': address }),
  trpc: (token: string) =>
    limited
      .get('/trpc/users.list')
      .query({ input: '{}' })
      .set({ Authorization: `Bearer ${token}`, 'X-Forwarded-For': address }),
});
const unknownKey = () => `pvk_${randomUUID()}_${'A'.repeat(43)}`;
/** A documentation address (RFC 3849) of this run alone: counts in Redis outlive a run by a minute. */
const freshAddress = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

describe('credentials that do not authenticate', () => {
  it('are limited per address: past the limit the address gets 429 before any key is read from the database', async () => {
    const reads = vi.spyOn(app.deps.db.keys, 'findForAuth');
    const attacker = from(freshAddress());
    expect((await attacker.scim(unknownKey())).status).toBe(401);
    expect((await attacker.trpc(unknownKey())).status).toBe(401);
    expect((await attacker.trpc('not-a-key-at-all')).status).toBe(401);
    expect(reads).toHaveBeenCalledTimes(2); // the malformed one needed no read

    const readsBefore = reads.mock.calls.length;
    const refused = await attacker.trpc(unknownKey());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const scim = await attacker.scim(unknownKey());
    expect([scim.status, scim.body.status]).toEqual([429, '429']);
    // Even a real key from that address waits: only a database read could tell it apart.
    expect((await attacker.scim(org.scimToken)).status).toBe(429);
    expect(reads.mock.calls.length).toBe(readsBefore);

    // Another address is not affected.
    expect((await from(freshAddress()).scim(org.scimToken)).status).toBe(200);
    // Now the key is cached (no read would tell it apart): the rate limiter's round trip refuses the address.
    const cached = await attacker.scim(org.scimToken);
    expect([cached.status, cached.body.detail]).toEqual([
      429,
      expect.stringMatching(/invalid credentials from this address/),
    ]);
    expect((await attacker.scim(org.scimToken.replace(keySecretOf(org.scimToken), 'C'.repeat(43)))).status).toBe(429);
    reads.mockRestore();
  });

  it('counts a wrong secret for a real key id like an unknown key', async () => {
    const guesser = from(freshAddress());
    const wrong = org.scimToken.replace(keySecretOf(org.scimToken), 'B'.repeat(43));
    for (let i = 0; i < 3; i++) expect((await guesser.scim(wrong)).status).toBe(401);
    expect((await guesser.scim(wrong)).status).toBe(429);
  });
});

describe('web sessions', () => {
  it('are rate limited like keys: each call of a batch counts against the signed-in admin', async () => {
    const email = `admin-${org.orgId}@example.com`;
    const attributes = { userName: email, active: true, emails: [{ value: email, primary: true, type: 'work' }] };
    const now = systemClock.now();
    await app.deps.db.users.insert(org.orgId, {
      id: uuidV7(),
      attributes,
      status: 'active',
      source: 'admin',
      role: 'admin',
      passwordHash: await hashPassword('a long enough password'),
      acceptedAt: now,
      now,
    });
    const address = freshAddress();
    const signIn = await limited
      .post('/auth/sign-in')
      .set({ Origin: ORIGIN, 'X-Forwarded-For': address })
      .send({ email, password: 'a long enough password' });
    expect(signIn.status).toBe(200);
    const cookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
    const csrf = (signIn.body as { csrfToken: string }).csrfToken;

    const batch = (n: number) =>
      limited
        .get(`/trpc/${Array.from({ length: n }, () => 'users.list').join(',')}`)
        .query({ batch: '1', input: JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))) })
        .set({ Cookie: cookie, 'X-CSRF-Token': csrf, Origin: ORIGIN, 'X-Forwarded-For': address });
    expect((await batch(5)).status).toBe(200);
    const refused = await batch(10);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
