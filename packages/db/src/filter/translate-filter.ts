import type { AttrPath, FilterNode, FilterValue, CompareOp } from '@provisio/core';
import { compareScalar, toBoolean } from './compare-scalar.ts';
import { ALWAYS, fieldCondition, NEVER, present } from './field-condition.ts';
import type { Query } from './field-condition.ts';
import { checkFilterCost } from './filter-cost.ts';
import { invalidFilter, printPath, unboundedExclusion } from './invalid-filter.ts';
import { matchElement } from './match-element.ts';
import { relaxElementFilter } from './relax-element-filter.ts';
import type { ComplexTarget, ConstTarget, FieldTarget, PathResolver, RowsTarget } from './targets.ts';

export type TranslateContext = {
  resolve: PathResolver;
  /** Distinct `resultKey` of the org's member rows matching `rowQuery`. */
  rowIds(resultKey: RowsTarget['resultKey'], rowQuery: Query): Promise<string[]>;
  /** Ids and values of `field` of the org's documents matching `prefilter`. */
  scan(field: string, prefilter: Query): Promise<{ id: string; value: unknown }[]>;
};

const constCompare = (t: ConstTarget, op: CompareOp, value: FilterValue): Query => {
  if (value === null) return op === 'eq' ? NEVER : ALWAYS;
  const leaf = { type: 'string' as const, caseExact: t.caseExact };
  const hit = op === 'ne' ? !compareScalar(t.value, 'eq', value, leaf) : compareScalar(t.value, op, value, leaf);
  return hit ? ALWAYS : NEVER;
};

function activeCompare(op: CompareOp, value: FilterValue): Query {
  if (value === null) return op === 'eq' ? NEVER : ALWAYS;
  if (op !== 'eq' && op !== 'ne') return NEVER;
  const wantActive = toBoolean(value) === (op === 'eq');
  return wantActive ? { status: { $ne: 'deactivated' } } : { status: 'deactivated' };
}

/** A test on one row field, as a condition on rows (each row is one element). */
function rowCondition(t: FieldTarget | ConstTarget, node: FilterNode & { kind: 'compare' | 'present' }): Query {
  if (t.kind === 'const') return node.kind === 'present' ? ALWAYS : constCompare(t, node.op, node.value);
  return node.kind === 'present' ? present(t.field) : fieldCondition(t, node.op, node.value);
}

/** The inner filter of `members[...]` as one query over rows. */
function rowQuery(node: FilterNode, sub: RowsTarget['sub']): Query {
  switch (node.kind) {
    case 'and':
      return { $and: [rowQuery(node.left, sub), rowQuery(node.right, sub)] };
    case 'or':
      return { $or: [rowQuery(node.left, sub), rowQuery(node.right, sub)] };
    case 'not':
      return { $nor: [rowQuery(node.filter, sub)] };
    case 'valuePath':
      throw invalidFilter('a value filter cannot nest another');
    default: {
      const t = node.path.sub === undefined && node.path.uri === undefined ? sub(node.path.attr) : undefined;
      if (!t) throw invalidFilter(`unknown sub-attribute '${printPath(node.path)}'`);
      return rowCondition(t, node);
    }
  }
}

/**
 * Translates a SCIM filter AST into a MongoDB query for one org. Paths resolve through a
 * whitelist (unknown → invalidFilter); member rows and per-element tests are evaluated
 * as sub-queries and come back as `_id $in` lists. Negation is pushed down to the
 * storage conditions (De Morgan, exact on documents), so an id list is never negated:
 * "every id but these" over a list that grows with the org is refused instead.
 */
export async function translateFilter(node: FilterNode, ctx: TranslateContext): Promise<Query> {
  checkFilterCost(node, ctx.resolve);
  return translate(node, ctx, false);
}

async function translate(node: FilterNode, ctx: TranslateContext, negated: boolean): Promise<Query> {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const parts = [await translate(node.left, ctx, negated), await translate(node.right, ctx, negated)];
      return (node.kind === 'and') !== negated ? { $and: parts } : { $or: parts };
    }
    case 'not':
      return translate(node.filter, ctx, !negated);
    case 'valuePath':
      return valuePath(node.path, node.filter, ctx, negated);
    default:
      return leaf(node, ctx, negated);
  }
}

const negate = (query: Query, negated: boolean): Query => (negated ? { $nor: [query] } : query);

async function leaf(
  node: FilterNode & { kind: 'compare' | 'present' },
  ctx: TranslateContext,
  negated: boolean,
): Promise<Query> {
  const target = ctx.resolve(node.path);
  if (!target) throw invalidFilter(`unknown or unfilterable attribute '${printPath(node.path)}'`);
  switch (target.kind) {
    case 'field':
      return negate(
        node.kind === 'present' ? present(target.field) : fieldCondition(target, node.op, node.value),
        negated,
      );
    case 'const':
      return negate(node.kind === 'present' ? ALWAYS : constCompare(target, node.op, node.value), negated);
    case 'active':
      return negate(node.kind === 'present' ? ALWAYS : activeCompare(node.op, node.value), negated);
    case 'complex':
      if (node.kind === 'present') return negate(present(target.field), negated);
      return leaf({ ...node, path: { ...node.path, sub: 'value' } }, ctx, negated);
    case 'rows':
      return rowsLeaf(target, node, ctx, negated);
  }
}

async function rowsLeaf(
  target: RowsTarget,
  node: FilterNode & { kind: 'compare' | 'present' },
  ctx: TranslateContext,
  negated: boolean,
): Promise<Query> {
  const sub = target.sub(target.subName ?? 'value');
  if (!sub) throw invalidFilter(`unfilterable attribute '${printPath(node.path)}'`);
  // "No member equals" and "has no member" are the complement of a positive test: allowed
  // only where an enclosing `not` turns them positive again.
  const negative = node.kind === 'compare' && (node.op === 'ne' || (node.value === null && node.op === 'eq'));
  if (negative !== negated) throw unboundedExclusion(node.path);
  const anyRow = node.kind === 'present' && target.subName === undefined;
  const positive: FilterNode & { kind: 'compare' | 'present' } =
    node.kind === 'compare' && node.value === null
      ? { kind: 'present', path: node.path }
      : node.kind === 'compare' && node.op === 'ne'
        ? { ...node, op: 'eq' }
        : node;
  return { _id: { $in: await ctx.rowIds(target.resultKey, anyRow ? ALWAYS : rowCondition(sub, positive)) } };
}

async function valuePath(path: AttrPath, inner: FilterNode, ctx: TranslateContext, negated: boolean): Promise<Query> {
  const target = ctx.resolve({ ...path, sub: undefined });
  if (target?.kind === 'complex' && !target.multiValued) {
    return translate(inner, { ...ctx, resolve: (p) => (p.uri || p.sub ? undefined : target.sub(p.attr)) }, negated);
  }
  if (target?.kind !== 'rows' && target?.kind !== 'complex')
    throw invalidFilter(`'${printPath(path)}' has no sub-attributes to filter`);
  if (negated) throw unboundedExclusion(path);
  if (target.kind === 'rows') return { _id: { $in: await ctx.rowIds(target.resultKey, rowQuery(inner, target.sub)) } };
  return elementsFilter(target, inner, ctx);
}

/** `emails[type eq "work" and value co "x"]`: prefilter in storage, then test each element. */
async function elementsFilter(target: ComplexTarget, inner: FilterNode, ctx: TranslateContext): Promise<Query> {
  const prefilter = { $and: [present(target.field), relaxElementFilter(inner, target.sub)] };
  const rows = await ctx.scan(target.field, prefilter);
  const ids = rows
    .filter(({ value }) => (Array.isArray(value) ? value : [value]).some((e) => matchElement(e, inner, target.sub)))
    .map((r) => r.id);
  return { _id: { $in: ids } };
}
