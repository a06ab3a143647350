import { describe, expect, it } from 'vitest';
import { ordersInSql, pageSql } from './sql-reads.ts';

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
