import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, ORIGIN, PLATFORM_TOKEN } from './testing/web-test-app.ts';

/** An address of its own for each use, so Redis counts from earlier runs never meet this one. */
const newAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

let app: Awaited<ReturnType<typeof createWebTestApp>>;
let orgId: string;
beforeAll(async () => {
  app = await createWebTestApp({ signInLimits: { perAddress: 6, failuresBeforeBackoff: 3, backoffBaseSeconds: 600 } });
  orgId = (await app.newOrg('Initech')).orgId;
  await app.newUser(orgId, 'admin@initech.example');
  await app.newUser(orgId, 'rené@initech.example');
});
afterAll(() => app.cleanup());

/** A sign-in from `address`, as a proxy on loopback reports it (the default TRUST_PROXY). */
const signInFrom = (address: string, body: Record<string, unknown>) =>
  app.agent.post('/auth/sign-in').set({ Origin: ORIGIN, 'X-Forwarded-For': address }).send(body);
const right = { email: 'admin@initech.example', password: 'a long enough password' };

describe('sign-in limits', () => {
  it('slow down guessing from one address without locking the admin out of another', async () => {
    const attacker = newAddress();
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await signInFrom(attacker, { ...right, password: `guess number ${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await signInFrom(attacker, right);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
    expect(refused.body.error).toMatch(/Too many sign-in attempts\. Try again in \d+ minute/);
    // The admin, from their own address, signs in at once.
    expect((await signInFrom(newAddress(), right)).status).toBe(200);
  });

  it('count every spelling of the account as one: case, NFC/NFD and spaces', async () => {
    const address = newAddress();
    const spellings = ['René@Initech.example', 'rene\u0301@initech.example', ' RENE\u0301@INITECH.EXAMPLE '];
    for (const email of spellings)
      expect((await signInFrom(address, { email, password: 'not the password' })).status).toBe(401);
    expect(
      (await signInFrom(address, { email: 'rené@initech.example', password: 'a long enough password' })).status,
    ).toBe(429);
    // The NFD spelling finds the account as the lookup does.
    expect(
      (await signInFrom(newAddress(), { email: 'rene\u0301@initech.example', password: 'a long enough password' }))
        .status,
    ).toBe(200);
  });

  it('start over for a pair after a right password', async () => {
    const address = newAddress();
    for (let i = 0; i < 2; i++)
      expect((await signInFrom(address, { ...right, password: `guess ${i}` })).status).toBe(401);
    expect((await signInFrom(address, right)).status).toBe(200);
    for (let i = 0; i < 2; i++)
      expect((await signInFrom(address, { ...right, password: `guess ${i}` })).status).toBe(401);
    expect((await signInFrom(address, right)).status).toBe(200);
  });

  it('limit each address across accounts, whatever the outcome', async () => {
    const sprayer = newAddress();
    for (let i = 0; i < 6; i++)
      expect((await signInFrom(sprayer, { email: `user${i}@initech.example`, password: 'Summer2026!' })).status).toBe(
        401,
      );
    const refused = await signInFrom(sprayer, right);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('back off wrong platform admin tokens per address too, without locking the platform admin out', async () => {
    const guesser = newAddress();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signInFrom(guesser, { adminToken: `wrong token ${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await signInFrom(newAddress(), { adminToken: PLATFORM_TOKEN })).status).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('decides whose X-Forwarded-For names the client: with false, every attempt here comes from the socket', async () => {
    const direct = await createWebTestApp({
      signInLimits: { perAddress: 1_000, failuresBeforeBackoff: 3, backoffBaseSeconds: 600 },
    });
    try {
      const email = `nobody-${randomBytes(6).toString('hex')}@initech.example`;
      const attempt = (agent: typeof direct.agent) =>
        agent
          .post('/auth/sign-in')
          .set({ Origin: ORIGIN, 'X-Forwarded-For': newAddress() })
          .send({ email, password: 'a guess' });
      // Default (loopback): each forwarded address is its own pair, so none waits.
      for (let i = 0; i < 4; i++) expect((await attempt(direct.agent)).status).toBe(401);
      const untrusting = request(direct.serverWith({ trustProxy: false }).app);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt(untrusting)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await direct.cleanup();
    }
  });
});
