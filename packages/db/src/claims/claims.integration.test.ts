import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDb } from '../testing.ts';
import { createClaims } from './claims.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let claims: ReturnType<typeof createClaims>;
beforeAll(async () => {
  db = await createTestDb();
  claims = createClaims(db.models.claims);
});
afterAll(() => db.drop());

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

it('grants a key to exactly one of 50 concurrent callers', async () => {
  const results = await Promise.all(
    Array.from({ length: 50 }, () => claims.take('k1', { now: t0, staleAfterMs: 30_000 })),
  );
  expect(results.filter(Boolean)).toHaveLength(1);
});

it('lets exactly one caller take over a stale claim, and only once it is stale', async () => {
  expect(await claims.take('k2', { now: t0, staleAfterMs: 30_000 })).toBe(true);
  expect(await claims.take('k2', { now: at(10_000), staleAfterMs: 30_000 })).toBe(false);
  const takeovers = await Promise.all(
    Array.from({ length: 20 }, () => claims.take('k2', { now: at(31_000), staleAfterMs: 30_000 })),
  );
  expect(takeovers.filter(Boolean)).toHaveLength(1);
});

it('prunes old claims', async () => {
  await claims.take('old', { now: at(-1e9), staleAfterMs: 1 });
  expect(await claims.prune(at(-1))).toBeGreaterThanOrEqual(1);
  expect(await claims.take('old', { now: t0, staleAfterMs: 1e9 })).toBe(true);
});

it('releases a claim whose insert landed while its answer was lost, once the database answers', async () => {
  const lossy = createClaims(db.models.claims);
  const collection = db.models.claims.collection;
  const insertOne = collection.insertOne.bind(collection);
  // The insert lands; the caller sees only a cut connection.
  vi.spyOn(collection, 'insertOne').mockImplementationOnce(async (...args) => {
    await insertOne(...args);
    throw Object.assign(new Error('connection closed'), { name: 'MongoNetworkError' });
  });
  await expect(lossy.take('lost', { now: new Date(), staleAfterMs: 30_000 })).rejects.toThrow('connection closed');
  // Not blocked for 30 s: the next writer gets it as soon as the leftover is dropped.
  await vi.waitFor(async () => expect(await lossy.take('lost', { now: new Date(), staleAfterMs: 30_000 })).toBe(true));
});

it('releases only its own claim', async () => {
  expect(await claims.take('mine', { now: t0, staleAfterMs: 30_000, holder: 'a' })).toBe(true);
  await claims.release('mine', 'b');
  expect(await claims.held('mine')).toBe(true);
  await claims.release('mine', 'a');
  expect(await claims.held('mine')).toBe(false);
});
