import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createAccessTestApp } from './testing/access-test-app.ts';
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

/** `n` requests at once with `token`: how many were admitted. */
const admitted = async (token: string, n: number) => {
  const responses = await Promise.all(
    Array.from({ length: n }, () =>
      fetch(`${base}/scim/v2/ServiceProviderConfig`, { headers: { authorization: `Bearer ${token}` } }),
    ),
  );
  return responses.filter((r) => r.status === 200).length;
};

describe("an org's key rate limit", () => {
  it('keeps the default limit (bursts of 100) until the platform raises it', async () => {
    const org = await app.newOrg();
    expect((await app.trpc(org.adminToken, 'org.get', undefined, 'query')).data).toMatchObject({
      settings: { keyRateLimit: 50 },
    });
    // 200 at once: the burst of 100 passes, and at most 50 more if they straddle two wall-clock seconds.
    const passed = await admitted(org.scimToken, 200);
    expect(passed).toBeGreaterThanOrEqual(100);
    expect(passed).toBeLessThanOrEqual(150);
  });

  it('admits more once the platform raises it', async () => {
    const org = await app.newOrg();
    const raised = await app.trpc(ADMIN_TOKEN, 'platform.setOrgKeyRateLimit', {
      orgId: org.orgId,
      keyRateLimit: 1_000,
    });
    expect(raised.status).toBe(200);
    expect(raised.data).toMatchObject({ settings: { keyRateLimit: 1_000 } });
    // A fresh org was never read by this process, so the raised limit applies at once (the cache holds ≤ 1 s).
    expect(await admitted(org.scimToken, 300)).toBe(300);
  });

  it('cannot be raised by an org admin, by either procedure', async () => {
    const org = await app.newOrg();
    const platform = await app.trpc(org.adminToken, 'platform.setOrgKeyRateLimit', {
      orgId: org.orgId,
      keyRateLimit: 1_000,
    });
    expect(platform.error?.data.code).toBe('FORBIDDEN');
    const settings = await app.trpc(org.adminToken, 'org.updateSettings', { keyRateLimit: 1_000 });
    expect(settings.error?.data.code).toBe('FORBIDDEN');
    expect(settings.error?.message).toMatch(/platform admin/);
    expect((await app.trpc(org.adminToken, 'org.get', undefined, 'query')).data).toMatchObject({
      settings: { keyRateLimit: 50 },
    });
  });

  it('refuses a limit out of bounds with a clear error', async () => {
    const org = await app.newOrg();
    for (const [keyRateLimit, message] of [
      [0, /at least 1 request per second/],
      [100_000, /at most 5000 requests per second/],
      [2.5, /whole number/],
    ] as const) {
      const res = await app.trpc(ADMIN_TOKEN, 'platform.setOrgKeyRateLimit', { orgId: org.orgId, keyRateLimit });
      expect(res.status).toBe(400);
      expect(res.error?.message).toMatch(message);
    }
  });
});
