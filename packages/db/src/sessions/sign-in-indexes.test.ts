import { describe, expect, it } from 'vitest';
import { SIGN_IN_ACCOUNT, SIGN_IN_KEYS, signInIndexSpecs } from './sign-in-indexes.ts';

describe('signInIndexSpecs', () => {
  it('gives MongoDB one index per sign-in key, partial on exactly what the query names', () => {
    const specs = signInIndexSpecs({ kind: 'mongodb' });
    expect(specs.map((s) => Object.keys(s.key))).toEqual(SIGN_IN_KEYS.map((k) => [k]));
    // MongoDB uses a partial index only for a query whose predicates imply its filter.
    for (const spec of specs) expect(spec.partialFilterExpression).toEqual(SIGN_IN_ACCOUNT);
    expect(SIGN_IN_ACCOUNT).toEqual({ status: 'active', role: 'admin' });
  });

  it('gives FerretDB none: it refuses partial indexes, and its GIN indexes serve the lookup', () => {
    expect(signInIndexSpecs({ kind: 'ferretdb-postgresql', version: 'v1.24.2' })).toEqual([]);
    expect(signInIndexSpecs({ kind: 'ferretdb-other', version: 'v1.24.2', reason: 'sqlite' })).toEqual([]);
  });
});
