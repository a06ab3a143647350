import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors/scim-error.ts';
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
  it.each((fixtures as Fixture[]).map((f) => [`${f.name} (${f.source})`, f] as const))('%s', (_, f) => {
    if (f.error) {
      const err = (() => {
        try {
          parse(f);
        } catch (e) {
          return e;
        }
        throw new Error('expected a ScimError');
      })();
      expect(err).toBeInstanceOf(ScimError);
      expect(err).toMatchObject({ status: f.error.status, scimType: f.error.scimType });
      if (f.error.message) expect((err as ScimError).detail).toContain(f.error.message);
      return;
    }
    const ast = parse(f);
    expect(ast).toEqual(f.expected);
    // The printer round-trips every accepted filter to the same AST.
    expect(parse({ ...f, filter: printFilter(ast) })).toEqual(ast);
  });
});
