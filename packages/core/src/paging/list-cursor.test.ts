import { describe, expect, it } from 'vitest';
import { cursorCount, cursorPage } from './cursor-page.ts';
import { deriveListCursorKey, issueCursor, readCursor } from './list-cursor.ts';

const key = deriveListCursorKey('admin-token');
const scope = { orgId: 'org-a', listing: 'users', query: { filter: undefined, sortBy: 'userName' } };
const position = { id: '0190a000-0000-7000-8000-000000000001', value: 'ada' };
const issuedAt = new Date('2026-12-01T10:00:00Z');
const at = (seconds: number) => ({ now: new Date(issuedAt.getTime() + seconds * 1000), timeoutSeconds: 3600 });
const cursor = issueCursor(key, scope, position, issuedAt);
const failure = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    const { code, scimType } = error as { code: string; scimType: string };
    return { code, scimType };
  }
  return 'accepted';
};
const invalidCursor = { code: 'BAD_REQUEST', scimType: 'invalidCursor' };

describe('list cursors', () => {
  it('give back the position they carry, for the same org and query within the timeout', () => {
    expect(readCursor(key, scope, cursor, at(3600))).toEqual({ after: position });
    expect(cursor).toMatch(/^[A-Za-z0-9_.-]+$/); // RFC 3986 unreserved characters only
  });

  it('refuse a changed payload, a changed signature, another key and junk as invalidCursor', () => {
    const [body = '', sig = ''] = cursor.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), p: { id: 'x' } }),
    ).toString('base64url');
    for (const bad of [`${forged}.${sig}`, `${body}.${sig.slice(1)}A`, 'junk', '', '.', `${cursor}.x`, '%%%.%%%']) {
      expect(failure(() => readCursor(key, scope, bad, at(1)))).toEqual(invalidCursor);
    }
    expect(failure(() => readCursor(deriveListCursorKey('other'), scope, cursor, at(1)))).toEqual(invalidCursor);
  });

  it("refuse another org's cursor and one made for another query or listing as invalidCursor", () => {
    expect(failure(() => readCursor(key, { ...scope, orgId: 'org-b' }, cursor, at(1)))).toEqual(invalidCursor);
    const otherSort = { ...scope, query: { sortBy: 'userName', sortOrder: 'descending' } };
    expect(failure(() => readCursor(key, otherSort, cursor, at(1)))).toEqual(invalidCursor);
    expect(failure(() => readCursor(key, { ...scope, listing: 'groups' }, cursor, at(1)))).toEqual(invalidCursor);
  });

  it('refuse a cursor older than the timeout as expiredCursor', () => {
    expect(failure(() => readCursor(key, scope, cursor, at(3601)))).toEqual({
      code: 'BAD_REQUEST',
      scimType: 'expiredCursor',
    });
  });

  it('count the total on the first page only, and carry it in the signed cursor to every later page', async () => {
    const asked: boolean[] = [];
    const deps = { clock: { now: () => issuedAt }, cursorKey: key };
    const read = (after: { id: string } | undefined, { withTotal }: { withTotal: boolean }) => {
      asked.push(withTotal);
      const id = String(Number(after?.id ?? 0) + 1);
      return Promise.resolve({ items: [id], next: { id }, ...(withTotal ? { totalResults: 42 } : {}) });
    };
    const first = await cursorPage(deps, { scope, cursor: '', read });
    const second = await cursorPage(deps, { scope, cursor: first.nextCursor ?? '', read });
    const third = await cursorPage(deps, { scope, cursor: second.nextCursor ?? '', read });
    expect(asked).toEqual([true, false, false]);
    expect([first, second, third].map((p) => p.totalResults)).toEqual([42, 42, 42]);
    // A cursor issued without a total (before totals were carried) counts once, then carries it.
    const old = issueCursor(key, scope, { id: '7' }, issuedAt);
    const fromOld = await cursorPage(deps, { scope, cursor: old, read });
    await cursorPage(deps, { scope, cursor: fromOld.nextCursor ?? '', read });
    expect(asked.slice(3)).toEqual([true, false]);
  });

  it('take a count of 1 or more, lower one above the maximum, refuse 0 as invalidCount', () => {
    expect([cursorCount(undefined), cursorCount(1), cursorCount(5000)]).toEqual([100, 1, 1000]);
    expect(failure(() => cursorCount(0))).toEqual({ code: 'BAD_REQUEST', scimType: 'invalidCount' });
  });
});
