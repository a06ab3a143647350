import { Writable } from 'node:stream';
import { createLogger } from '@provisio/logger';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, rateKeyOf } from './rate-limiter.ts';
import { createAccessTestApp } from './testing/access-test-app.ts';
import type { AccessTestApp } from './testing/access-test-app.ts';

let app: AccessTestApp;
let base: string;
beforeAll(async () => {
  app = await createAccessTestApp();
  base = `http://127.0.0.1:${await app.server.start(0)}`;
});
afterAll(async () => {
  await app.server.stop(100);
  await app.cleanup();
});

const burst = (token: string, n: number) =>
  Promise.all(
    Array.from({ length: n }, () =>
      fetch(`${base}/scim/v2/ServiceProviderConfig`, { headers: { authorization: `Bearer ${token}` } }),
    ),
  );

describe('per-key rate limiting', () => {
  it('allows a burst of 100, then the 51st request of a second gets 429 with Retry-After in SCIM shape', async () => {
    const org = await app.newOrg();
    const first = await burst(org.scimToken, 100);
    expect(first.filter((r) => r.status === 200)).toHaveLength(100);
    // A window is 1 s from its first request, counted in Redis under the key id. Under load a
    // batch may straddle two windows, so a try only counts when one window's counter holds all 51.
    const window = `rl-key:${org.scimKeyId}`;
    let second: Response[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      // Spend what is left of this window and of the burst reserve (it comes back over 10 s)…
      for (let i = 0; i < 50 && !(await burst(org.scimToken, 20)).some((r) => r.status === 429); i++);
      // …then wait for the window to end (its counter expires): 50 sustained requests pass, the 51st does not.
      await vi.waitFor(async () => expect(await app.deps.redis.exists(window)).toBe(0), {
        timeout: 5_000,
        interval: 10,
      });
      second = await burst(org.scimToken, 51);
      if (Number(await app.deps.redis.get(window)) === 51) break;
    }
    expect(second.filter((r) => r.status === 200)).toHaveLength(50);
    const limited = second.find((r) => r.status === 429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited?.headers.get('content-type')).toMatch(/application\/scim\+json/);
    expect(await limited?.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '429',
      detail: expect.stringMatching(/at most 50 per second/),
    });

    const trpc = await fetch(`${base}/trpc/users.list?input=${encodeURIComponent('{}')}`, {
      headers: { authorization: `Bearer ${org.scimToken}` },
    });
    expect(trpc.status).toBe(429);
    expect(Number(trpc.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Limits are per key: another key of the same org is unaffected.
    expect((await burst(org.adminToken, 1))[0]?.status).toBe(200);
  });

  it('keeps admitting, per process, with a warning when Redis is unreachable', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      name: 'test',
      level: 'warn',
      destination: new Writable({ write: (c: Buffer, _e, done) => (lines.push(c.toString()), done()) }),
    });
    const redis = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => 200,
    });
    const refused = new Promise((resolve) => redis.once('error', resolve));
    redis.on('error', () => undefined);
    const admit = createRateLimiter({ redis, logger });
    await refused;
    const principal = { kind: 'org' as const, orgId: 'o', scopes: ['scim' as const], keyId: 'k-redis-down' };
    for (let i = 0; i < 20; i++) await expect(admit(rateKeyOf(principal, 'bearer'))).resolves.toBeUndefined();
    expect(lines.some((l) => /Redis unreachable/.test(l))).toBe(true);
    redis.disconnect();
  });
});
