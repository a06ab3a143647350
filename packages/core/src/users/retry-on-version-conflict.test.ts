import { expect, it } from 'vitest';
import { retryOnVersionConflict } from './retry-on-version-conflict.ts';

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
