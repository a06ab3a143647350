import { describe, expect, it } from 'vitest';
import { countSql, ordersInSql, pageSql } from './sql-reads.ts';

describe('ordersInSql', () => {
  it('is true for orders of string keys only, the ones pageSql writes', () => {
    expect(ordersInSql({ _id: 1 })).toBe(true);
    expect(ordersInSql({ userNameKey: -1, _id: 1 })).toBe(true);
    expect(ordersInSql({ 'search.familyName': 1, _id: 1 })).toBe(true);
  });

  it('is false for a date key or no key: those pages go to mongoose, which counts for itself', () => {
    expect(ordersInSql({ updatedAt: 1, _id: 1 })).toBe(false);
    expect(ordersInSql({})).toBe(false);
    const page = { collection: 'users', equals: { orgId: 'o' }, offset: 50, limit: 10 };
    expect(pageSql('users_1', 'db', { ...page, sort: { updatedAt: 1, _id: 1 } })).toBeUndefined();
    expect(pageSql('users_1', 'db', { ...page, sort: { userNameKey: 1, _id: 1 } })).toBeDefined();
  });
});

describe('countSql', () => {
  it('stops at `upTo` in a subquery when given one, and counts every row otherwise', () => {
    const bounded = countSql('users_1', 'db', { orgId: 'o', status: 'active' }, 60);
    expect(bounded?.text).toMatch(/^SELECT count\(\*\) AS n FROM \(SELECT 1 FROM .* ORDER BY .* LIMIT \$3\) AS hits$/);
    expect(bounded?.values).toEqual(['o', 'active', 60]);
    const whole = countSql('users_1', 'db', { orgId: 'o' });
    expect(whole?.text).not.toContain('LIMIT');
    expect(countSql('users_1', 'db', { 'not a field': 'x' }, 5)).toBeUndefined();
  });
});
