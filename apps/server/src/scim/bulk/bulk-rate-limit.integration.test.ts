import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTestApp, scimUser } from '../../auth/testing/access-test-app.ts';
import type { AccessTestApp } from '../../auth/testing/access-test-app.ts';

type Result = {
  method: string;
  bulkId?: string;
  location?: string;
  status: string;
  response?: { status: string; detail: string };
};

// One call a second, and a reserve of 4 that comes back over 10 minutes: a bulk of 12 runs out mid-way.
let app: AccessTestApp;
beforeAll(async () => {
  app = await createAccessTestApp({ rateLimit: { perSecond: 1, burst: 5, burstWindowSeconds: 600 } });
});
afterAll(async () => {
  await app.cleanup();
});

describe('POST /Bulk and the rate limit', () => {
  it('counts each operation against the key; past the limit it stops, reports the rest as 429 and never half-applies one', async () => {
    const org = await app.newOrg();
    const names = Array.from({ length: 12 }, (_, i) => `limited${i}@bulk.example`);
    const operations = names.map((userName, i) => ({
      method: 'POST',
      path: '/Users',
      bulkId: `u${i}`,
      data: scimUser(userName),
    }));
    const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: operations };
    const res = await app
      .scim('post', '/Bulk', org.scimToken)
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify(body));
    expect(res.status).toBe(200);
    const results = (res.body as { Operations: Result[] }).Operations;
    expect(results.map((r) => r.bulkId)).toEqual(operations.map((o) => o.bulkId));

    // A run of 201s, then nothing but 429s: the limit stopped the run and nothing ran after it.
    const ran = results.findIndex((r) => r.status !== '201');
    expect(ran).toBeGreaterThanOrEqual(5);
    expect(ran).toBeLessThan(12);
    for (const r of results.slice(ran)) {
      expect(r).toMatchObject({
        method: 'POST',
        status: '429',
        response: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: '429',
          detail: expect.stringMatching(/at most 1 per second/),
        },
      });
      expect(r.location).toBeUndefined();
    }
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // Each operation happened whole or not at all (read with the org's other key, whose budget is its own).
    const found = await app.scim(
      'get',
      `/Users?count=100&filter=${encodeURIComponent('userName sw "limited"')}`,
      org.adminToken,
    );
    expect(found.status).toBe(200);
    const stored = (found.body.Resources as { id: string; userName: string; emails: { value: string }[] }[]).map(
      (u) => ({ id: u.id, userName: u.userName, email: u.emails[0]?.value }),
    );
    const expected = names
      .slice(0, ran)
      .map((userName, i) => ({ id: results[i]?.location?.split('/').pop(), userName, email: userName }));
    expect(stored.sort((a, b) => a.userName.localeCompare(b.userName))).toEqual(
      expected.sort((a, b) => a.userName.localeCompare(b.userName)),
    );
  });
});
