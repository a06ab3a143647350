import { describe, expect, it } from 'vitest';
import { registries } from '../testing/registries.ts';
import fixtures from './matches.fixtures.json' with { type: 'json' };
import { matches } from './matches.ts';
import { parseFilter } from './parse-filter.ts';

type Fixture = {
  name: string;
  source: string;
  filter: string;
  resource: Record<string, unknown>;
  expected: boolean;
  registry?: 'rfc' | 'custom';
  resourceType?: 'User' | 'Group';
};

describe('matches fixtures', () => {
  it.each((fixtures as Fixture[]).map((f) => [`${f.name} (${f.source})`, f] as const))('%s', (_, f) => {
    const registry = registries[f.registry ?? 'rfc'];
    const resourceType = f.resourceType ?? 'User';
    const ast = parseFilter(f.filter, { registry, resourceType });
    expect(matches(f.resource, ast, { registry, resourceType })).toBe(f.expected);
  });
});
