import type { OrgRecord } from '@provisio/core/orgs';
import { describe, expect, it } from 'vitest';
import { createOrgLimits } from './org-limits.ts';

/** An org repository that answers `keyRateLimit` and counts its reads. */
function fakeOrgs(keyRateLimit: () => number | Error) {
  let reads = 0;
  const orgs = {
    reads: () => reads,
    findById: (orgId: string) => {
      reads++;
      const limit = keyRateLimit();
      if (limit instanceof Error) return Promise.reject(limit);
      return Promise.resolve({ id: orgId, settings: { keyRateLimit: limit } } as OrgRecord);
    },
  };
  return orgs;
}

describe('limitsFor', () => {
  it('is null at the default limit, and bursts to twice a raised one', async () => {
    let limit = 50;
    const limitsFor = createOrgLimits({ orgs: fakeOrgs(() => limit), now: () => 0 });
    await expect(limitsFor('a')).resolves.toBeNull();
    limit = 400;
    await expect(limitsFor('b')).resolves.toEqual({ perSecond: 400, burst: 800, burstWindowSeconds: 10 });
  });

  it('reads an org at most once a second, and again after', async () => {
    let clock = 0;
    let limit = 100;
    const orgs = fakeOrgs(() => limit);
    const limitsFor = createOrgLimits({ orgs, now: () => clock });
    await limitsFor('a');
    limit = 200;
    clock = 999;
    expect((await limitsFor('a'))?.perSecond).toBe(100);
    expect(orgs.reads()).toBe(1);
    clock = 1_000;
    expect((await limitsFor('a'))?.perSecond).toBe(200);
    expect(orgs.reads()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let answer: number | Error = new Error('database down');
    const limitsFor = createOrgLimits({ orgs: fakeOrgs(() => answer), now: () => 0 });
    await expect(limitsFor('a')).rejects.toThrow(/database down/);
    answer = 300;
    await expect(limitsFor('a')).resolves.toMatchObject({ perSecond: 300 });
  });
});
