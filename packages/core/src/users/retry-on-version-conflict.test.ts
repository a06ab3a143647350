import { expect, it } from 'vitest';
import { lostRaces, retryOnVersionConflict } from './retry-on-version-conflict.ts';

type Doc = { version: number };

it("serves the first attempt from the caller's read and loads only after a lost race", async () => {
  const loads: number[] = [];
  const attempts: number[] = [];
  const result = await retryOnVersionConflict<Doc, string>({
    what: 'user',
    read: { version: 1 },
    load: () => (loads.push(2), Promise.resolve({ version: 2 })),
    attempt: (current) => (attempts.push(current.version), Promise.resolve(current.version === 2 ? 'written' : null)),
  });
  expect([result, attempts, loads]).toEqual(['written', [1, 2], [2]]);
});

it('a read of nothing is NOT_FOUND without a load; no read loads first', async () => {
  let loads = 0;
  const load = () => (loads++, Promise.resolve({ version: 1 }));
  await expect(
    retryOnVersionConflict<Doc, string>({ what: 'user', read: null, load, attempt: () => Promise.resolve('x') }),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  expect(loads).toBe(0);
  await expect(
    retryOnVersionConflict<Doc, string>({ what: 'user', load, attempt: () => Promise.resolve('x') }),
  ).resolves.toBe('x');
  expect(loads).toBe(1);
});

it('stops retrying lost races after its time budget with RATE_LIMITED (429, Retry-After 1), having written nothing', async () => {
  let clock = 0;
  let attempts = 0;
  const lost = retryOnVersionConflict<Doc, string>({
    what: 'group',
    budgetMs: 3_000,
    now: () => clock,
    load: () => Promise.resolve({ version: 1 }),
    // Every round loses, and takes a slow database's second.
    attempt: () => ((attempts++, (clock += 1_000)), Promise.resolve(null)),
  });
  await expect(lost).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
  expect(attempts).toBe(4);
});

it('stops after its attempts with RATE_LIMITED too, never CONFLICT (a 409 would tell the IdP "uniqueness")', async () => {
  let attempts = 0;
  const lost = retryOnVersionConflict<Doc, string>({
    what: 'group',
    maxAttempts: 3,
    load: () => Promise.resolve({ version: 1 }),
    attempt: () => (attempts++, Promise.resolve(null)),
  });
  await expect(lost).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
  expect(attempts).toBe(3);
});

it('lostRaces answers busy on the lost race that uses up the attempts, not before', async () => {
  const lose = lostRaces('invite x', { maxAttempts: 3, budgetMs: Number.POSITIVE_INFINITY });
  await lose();
  await lose();
  await expect(lose()).rejects.toMatchObject({
    code: 'RATE_LIMITED',
    message: 'invite x is being changed by other requests; retry shortly',
  });
});
