import { describe, expect, it } from 'vitest';
import { ORG_ADMIN, partialIndexes, SIGN_IN_ACCOUNT, SIGN_IN_KEYS } from './partial-indexes.ts';

describe('partialIndexes', () => {
  it('gives MongoDB one index per sign-in key and one of org admins, partial on what their queries name', () => {
    const specs = partialIndexes({ kind: 'mongodb' });
    expect(specs.map((s) => [s.collection, Object.keys(s.key), s.partialFilterExpression])).toEqual([
      ...SIGN_IN_KEYS.map((k) => ['users', [k], SIGN_IN_ACCOUNT]),
      ['users', ['orgId'], ORG_ADMIN],
    ]);
    // MongoDB uses a partial index only for a query whose predicates imply its filter.
    expect(SIGN_IN_ACCOUNT).toEqual({ status: 'active', role: 'admin' });
    expect(ORG_ADMIN).toEqual({ role: 'admin' });
  });

  it('gives FerretDB none: it refuses partial indexes', () => {
    expect(partialIndexes({ kind: 'ferretdb-postgresql', version: 'v1.24.2' })).toEqual([]);
    expect(partialIndexes({ kind: 'ferretdb-other', version: 'v1.24.2', reason: 'sqlite' })).toEqual([]);
  });
});
