import { describe, expect, it } from 'vitest';
import { expectedOutcome, outcomeOf } from '../testing/outcome.ts';
import { registries } from '../testing/registries.ts';
import type { ExpectedError } from '../testing/registries.ts';
import fixtures from './list-query.fixtures.json' with { type: 'json' };
import { parseListQuery } from './parse-list-query.ts';
import { parseSearchRequest } from './parse-search-request.ts';

type Fixture = {
  name: string;
  source: string;
  resourceType: 'User' | 'Group';
  query?: string;
  body?: unknown;
  options?: { maxCount?: number };
  expected?: unknown;
  error?: ExpectedError;
};

describe('list query fixtures', () => {
  it.each((fixtures as Fixture[]).map((f) => [`${f.name} (${f.source})`, f] as const))('%s', (_, f) => {
    const opts = { registry: registries.rfc, resourceType: f.resourceType, ...f.options };
    const run = () =>
      f.query !== undefined ? parseListQuery(new URLSearchParams(f.query), opts) : parseSearchRequest(f.body, opts);
    expect(outcomeOf(run)).toEqual(expectedOutcome(f.error, f.expected));
  });

  it('accepts a plain record as produced by Express', () => {
    const q = parseListQuery(
      { filter: 'userName eq "a"', count: ['5', '9'] },
      { registry: registries.rfc, resourceType: 'User' },
    );
    expect(q.count).toBe(5);
  });
});
