import fc from 'fast-check';
import type { AttrPath, CompareOp, FilterNode, FilterValue } from '../filter/ast.ts';

const OPS: CompareOp[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
const URIS = [
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:acme:ext:1.0',
];

export const attrName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/);

const value: fc.Arbitrary<FilterValue> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
);

const topPath: fc.Arbitrary<AttrPath> = fc
  .record({
    uri: fc.option(fc.constantFrom(...URIS), { nil: undefined }),
    attr: attrName,
    sub: fc.option(attrName, { nil: undefined }),
  })
  .map(({ uri, attr, sub }) => ({
    attr,
    ...(uri !== undefined ? { uri } : {}),
    ...(sub !== undefined ? { sub } : {}),
  }));

const relPath: fc.Arbitrary<AttrPath> = attrName.map((attr) => ({ attr }));

function leaf(path: fc.Arbitrary<AttrPath>): fc.Arbitrary<FilterNode> {
  return fc.oneof(
    fc
      .record({ path, op: fc.constantFrom(...OPS), value })
      .map(({ path, op, value }): FilterNode => ({ kind: 'compare', path, op, value })),
    fc
      .record({ path, op: fc.constantFrom<CompareOp>('eq', 'ne') })
      .map(({ path, op }): FilterNode => ({ kind: 'compare', path, op, value: null })),
    path.map((p): FilterNode => ({ kind: 'present', path: p })),
  );
}

function tree(base: fc.Arbitrary<FilterNode>, depth: number): fc.Arbitrary<FilterNode> {
  if (depth === 0) return base;
  const sub = tree(base, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: base },
    {
      weight: 1,
      arbitrary: fc
        .record({ left: sub, right: sub })
        .map(({ left, right }): FilterNode => ({ kind: 'and', left, right })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ left: sub, right: sub })
        .map(({ left, right }): FilterNode => ({ kind: 'or', left, right })),
    },
    { weight: 1, arbitrary: sub.map((filter): FilterNode => ({ kind: 'not', filter })) },
  );
}

const valuePath: fc.Arbitrary<FilterNode> = fc
  .record({
    attr: attrName,
    uri: fc.option(fc.constantFrom(...URIS), { nil: undefined }),
    filter: tree(leaf(relPath), 2),
  })
  .map(({ attr, uri, filter }): FilterNode => ({
    kind: 'valuePath',
    path: { attr, ...(uri !== undefined ? { uri } : {}) },
    filter,
  }));

/** Any filter AST of the grammar (no registry: names as written). */
export const filterAst: fc.Arbitrary<FilterNode> = tree(
  fc.oneof({ weight: 4, arbitrary: leaf(topPath) }, { weight: 1, arbitrary: valuePath }),
  3,
);
