import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTestApp, scimUser } from './testing/access-test-app.ts';
import type { AccessTestApp } from './testing/access-test-app.ts';

let app: AccessTestApp;
let base: string;
let orgId: string;
/** A fresh admin key per test: each has its own budget. */
const tokens: string[] = [];
beforeAll(async () => {
  // 5 calls a second and no burst reserve: a batch costs what its calls cost, whatever the second.
  app = await createAccessTestApp({ rateLimit: { perSecond: 5, burst: 5, burstWindowSeconds: 1 } });
  base = `http://127.0.0.1:${await app.server.start(0)}`;
  const org = await app.newOrg();
  orgId = org.orgId;
  for (const name of ['batch', 'oversized batch', 'big body', 'chunked body']) {
    const made = await app.trpc(org.adminToken, 'keys.create', {
      name,
      ownerType: 'service_account',
      ownerId: org.serviceAccountId,
      scopes: ['admin'],
    });
    tokens.push((made.data as { token: string }).token);
  }
});
const usersNamed = (prefix: string) => app.models.users.countDocuments({ orgId, userName: { $regex: `^${prefix}` } });
afterAll(async () => {
  await app.server.stop(100);
  await app.cleanup();
});

type TrpcError = { error: { message: string; data: { code: string; httpStatus: number } } };

/** One HTTP request carrying `n` calls of `users.list` (what httpBatchLink sends). */
const listBatch = (token: string, n: number) => {
  const paths = Array.from({ length: n }, () => 'users.list').join(',');
  const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]));
  return app.agent
    .get(`/trpc/${paths}`)
    .query({ batch: '1', input: JSON.stringify(input) })
    .set('Authorization', `Bearer ${token}`);
};

describe('tRPC batches', () => {
  it('counts every call of a batch against the key: 5 calls pass, a batch of 10 is refused whole with 429', async () => {
    const five = await listBatch(tokens[0] ?? '', 5);
    expect(five.status).toBe(200);
    expect((five.body as unknown[]).length).toBe(5);

    const ten = await listBatch(tokens[0] ?? '', 10);
    expect(ten.status).toBe(429);
    expect(Number(ten.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const errors = ten.body as TrpcError[];
    expect(errors).toHaveLength(10);
    expect(errors.every((e) => e.error.data.code === 'TOO_MANY_REQUESTS')).toBe(true);
  });

  it('refuses more than 10 calls in one request with 400 saying so, before running any of them', async () => {
    const paths = Array.from({ length: 11 }, () => 'users.create').join(',');
    const input = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [i, { attributes: scimUser(`batch-${i}@example.com`) }]),
    );
    const res = await app.agent
      .post(`/trpc/${paths}?batch=1`)
      .set('Authorization', `Bearer ${tokens[1] ?? ''}`)
      .send(input);
    expect(res.status).toBe(400);
    const errors = res.body as TrpcError[];
    expect(errors[0]?.error.message).toMatch(/at most 10 calls per request.*11/i);
    expect(await usersNamed('batch-')).toBe(0);
  });
});

describe('tRPC body limit', () => {
  const bigInput = (userName: string) =>
    JSON.stringify({ attributes: scimUser(userName, { displayName: 'x'.repeat(1_100_000) }) });

  it('answers a body over 1 MB with 413 saying so, and stores nothing', async () => {
    const res = await app.agent
      .post('/trpc/users.create')
      .set({ Authorization: `Bearer ${tokens[2] ?? ''}`, 'Content-Type': 'application/json' })
      .send(bigInput('big@example.com'));
    expect(res.status).toBe(413);
    expect((res.body as TrpcError).error.message).toMatch(/larger than 1 MB/);
    expect(await usersNamed('big@')).toBe(0);
  });

  it('also answers 413 when the body comes chunked, without a length to check first', async () => {
    const bytes = new TextEncoder().encode(bigInput('chunked@example.com'));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
        controller.close();
      },
    });
    const res = await fetch(`${base}/trpc/users.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[3] ?? ''}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as TrpcError).error.message).toMatch(/larger than 1 MB/);
    expect(await usersNamed('chunked@')).toBe(0);
  });
});
