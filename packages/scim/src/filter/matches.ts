import { findAttribute } from '../schema/attribute-def.ts';
import type { AttributeDef } from '../schema/attribute-def.ts';
import type { ResourceTypeName, SchemaRegistry } from '../schema/registry.ts';
import { resolveAttribute } from '../schema/resolve-attribute.ts';
import type { AttrPath, FilterNode } from './ast.ts';
import { compareOne, isPresent } from './compare-values.ts';
import type { Comparison } from './compare-values.ts';

type Lookup = (
  path: AttrPath,
  raw?: boolean,
) => { values: unknown[]; cmp: Comparison | undefined; def: AttributeDef | undefined };

const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const field = (obj: unknown, key: string): unknown =>
  typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;

function leafValues(holder: unknown[], def: AttributeDef | undefined, sub: string | undefined, raw: boolean) {
  // A complex attribute compared without a sub-attribute compares its `value` (RFC 7644 §3.4.2.2).
  const subName = sub ?? (def?.type === 'complex' && !raw ? 'value' : undefined);
  const subDef = subName !== undefined ? findAttribute(def?.subAttributes, subName) : undefined;
  const leaf = subDef ?? def;
  const values = subName === undefined ? holder : holder.flatMap((e) => asArray(field(e, subDef?.name ?? subName)));
  return { values, cmp: leaf && { type: leaf.type, caseExact: leaf.caseExact }, def };
}

function evaluate(node: FilterNode, lookup: Lookup): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, lookup) && evaluate(node.right, lookup);
    case 'or':
      return evaluate(node.left, lookup) || evaluate(node.right, lookup);
    case 'not':
      return !evaluate(node.filter, lookup);
    case 'present':
      return lookup(node.path, true).values.some(isPresent);
    case 'compare': {
      const { values, cmp } = lookup(node.path);
      if (node.value === null) return node.op === 'eq' ? !values.some(isPresent) : values.some(isPresent);
      // `ne` is "no value equals" (MongoDB's $ne on arrays), so storage and memory agree.
      if (node.op === 'ne') return !values.some((v) => compareOne(v, 'eq', node.value, cmp));
      return values.some((v) => compareOne(v, node.op, node.value, cmp));
    }
    case 'valuePath': {
      const { values, def } = lookup({ ...node.path, sub: undefined }, true);
      return values.some((element) => matchesElement(element, node.filter, def));
    }
  }
}

/** Evaluates a value filter (`type eq "work"`) against one element of a complex attribute. */
export function matchesElement(element: unknown, filter: FilterNode, parent: AttributeDef | undefined): boolean {
  return evaluate(filter, (path) => {
    const def = findAttribute(parent?.subAttributes, path.attr);
    const v = asArray(field(element, def?.name ?? path.attr));
    return { values: v, cmp: def && { type: def.type, caseExact: def.caseExact }, def };
  });
}

/**
 * In-memory evaluation of a filter against a resource in the domain shape (plus `id`/`meta`
 * if present). Multi-valued attributes match when any element does.
 */
export function matches(
  resource: Record<string, unknown>,
  filter: FilterNode,
  ctx: { registry: SchemaRegistry; resourceType: ResourceTypeName },
): boolean {
  const schema = ctx.registry.resources[ctx.resourceType];
  return evaluate(filter, (path, raw = false) => {
    const found = resolveAttribute(schema, { ...path, sub: undefined });
    if (!found) return { values: [], cmp: undefined, def: undefined };
    const container = found.storage.reduce<unknown>((o, k) => field(o, k), resource);
    return leafValues(asArray(field(container, found.def.name)), found.def, path.sub, raw);
  });
}
