import { describe, expect, it } from 'vitest';
import { nearerEnd, reversedSort } from './nearer-end.ts';

const page = (offset: number, limit: number) => ({
  collection: 'users',
  equals: { orgId: 'o' },
  sort: { userNameKey: 1 as const, _id: 1 as const },
  offset,
  limit,
});

describe('nearerEnd', () => {
  it('reads the front half forward, unchanged', () => {
    expect(nearerEnd(page(0, 25), 100_000)).toEqual({ request: page(0, 25), reversed: false });
    expect(nearerEnd(page(40, 10), 100)).toEqual({ request: page(40, 10), reversed: false });
  });

  it('reads the last page from the end: no rows skipped', () => {
    const last = nearerEnd(page(99_975, 25), 100_000);
    expect(last).toEqual({
      request: { ...page(0, 25), sort: { userNameKey: -1, _id: -1 } },
      reversed: true,
    });
  });

  it('reads a short last page as only the rows that are left', () => {
    expect(nearerEnd(page(84, 10), 90)?.request).toMatchObject({ offset: 0, limit: 6 });
  });

  it('skips from the end what lies behind a page of the back half', () => {
    // Rows 71–80 of 90: 10 rows lie behind the page.
    expect(nearerEnd(page(70, 10), 90)?.request).toMatchObject({ offset: 10, limit: 10 });
  });

  it('has nothing to read past the end or for a totals-only page', () => {
    expect(nearerEnd(page(200, 10), 90)).toBeNull();
    expect(nearerEnd(page(90, 10), 90)).toBeNull();
    expect(nearerEnd(page(0, 0), 90)).toBeNull();
  });

  it('reverses every key of the order, the tie-break too', () => {
    expect(reversedSort({ 'search.familyName': 1, _id: 1 })).toEqual({ 'search.familyName': -1, _id: -1 });
    expect(reversedSort({ displayNameKey: -1, _id: 1 })).toEqual({ displayNameKey: 1, _id: -1 });
  });
});
