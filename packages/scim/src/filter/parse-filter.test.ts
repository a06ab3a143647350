import { describe, expect, it } from 'vitest';
import { expectedOutcome, outcomeOf } from '../testing/outcome.ts';
import { registries } from '../testing/registries.ts';
import type { ExpectedError } from '../testing/registries.ts';
import type { FilterNode } from './ast.ts';
import fixtures from './filter.fixtures.json' with { type: 'json' };
import { parseFilter } from './parse-filter.ts';
import { printFilter } from './print-filter.ts';

type Fixture = {
  name: string;
  source: string;
  filter: string;
  options?: { registry?: 'rfc' | 'custom' | null; resourceType?: 'User' | 'Group'; bareValues?: boolean };
  expected?: FilterNode;
  error?: ExpectedError;
};

function parse(f: Fixture): FilterNode {
  const key = f.options?.registry === undefined ? 'rfc' : f.options.registry;
  return parseFilter(f.filter, {
    ...(key === null ? {} : { registry: registries[key] }),
    ...(f.options?.resourceType ? { resourceType: f.options.resourceType } : {}),
    ...(f.options?.bareValues !== undefined ? { bareValues: f.options.bareValues } : {}),
  });
}

describe('parseFilter fixtures', () => {
  const label = (f: Fixture) => [`${f.name} (${f.source})`, f] as const;

  it.each((fixtures as Fixture[]).map(label))('%s', (_, f) => {
    expect(outcomeOf(() => parse(f))).toEqual(expectedOutcome(f.error, f.expected));
  });

  // The printer round-trips every accepted filter to the same AST.
  it.each((fixtures as Fixture[]).filter((f) => !f.error).map(label))('prints and reparses %s', (_, f) => {
    const ast = parse(f);
    expect(parse({ ...f, filter: printFilter(ast) })).toEqual(ast);
  });
});
