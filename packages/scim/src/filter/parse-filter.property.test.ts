import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors/scim-error.ts';
import { filterAst } from '../testing/filter-arbitraries.ts';
import { registries } from '../testing/registries.ts';
import { parseFilter } from './parse-filter.ts';
import { printFilter } from './print-filter.ts';

const RUNS = 10_000;
const deep = { maxDepth: 64 };

function onlyScimErrors(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    if (!(err instanceof ScimError)) throw err;
    expect(err.scimType).toBe('invalidFilter');
  }
}

describe('parseFilter properties', () => {
  it('(a) print then parse gives the same AST', () => {
    fc.assert(
      fc.property(filterAst, (ast) => {
        expect(parseFilter(printFilter(ast), deep)).toEqual(ast);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('(b) arbitrary strings only ever raise a ScimError', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (s, withRegistry) => {
        onlyScimErrors(() => parseFilter(s, withRegistry ? { registry: registries.custom } : {}));
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('(b) mutations of valid filters only ever raise a ScimError', () => {
    const edit = fc.record({
      at: fc.nat(),
      len: fc.nat({ max: 4 }),
      insert: fc.string({ unit: 'binary', maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        filterAst,
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (ast, edits, withRegistry) => {
          let s = printFilter(ast);
          for (const e of edits) {
            const at = s.length === 0 ? 0 : e.at % (s.length + 1);
            s = s.slice(0, at) + e.insert + s.slice(at + e.len);
          }
          onlyScimErrors(() => parseFilter(s, withRegistry ? { registry: registries.rfc } : deep));
        },
      ),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('stays linear on hostile 4 KB inputs', () => {
    const hostile = [
      '('.repeat(4096),
      'a eq "'.padEnd(4096, '\\'),
      'a pr and '.repeat(455),
      'a'.repeat(4096),
      'emails[' + 'type eq "x" or '.repeat(270),
      'a eq '.padEnd(4096, '1'),
      '"'.repeat(4096),
    ];
    for (const s of hostile) {
      const start = performance.now();
      onlyScimErrors(() => parseFilter(s.slice(0, 4096)));
      expect(performance.now() - start).toBeLessThan(100);
    }
  });
});
