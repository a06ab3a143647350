import type { FilterNode } from '@provisio/core';
import { compareScalar, isPresent } from './compare-scalar.ts';
import { invalidFilter, printPath } from './invalid-filter.ts';
import type { ConstTarget, FieldTarget } from './targets.ts';

export type SubResolver = (name: string) => FieldTarget | ConstTarget | undefined;

const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function valuesOf(element: unknown, target: FieldTarget | ConstTarget): unknown[] {
  if (target.kind === 'const') return [target.value];
  const key = target.field.slice(target.field.lastIndexOf('.') + 1);
  return asArray(
    typeof element === 'object' && element !== null ? (element as Record<string, unknown>)[key] : undefined,
  );
}

/**
 * Evaluates the filter inside `attr[...]` against one element of a multi-valued attribute,
 * in memory: FerretDB 1.x has no `$elemMatch` over documents. Same semantics as storage.
 */
export function matchElement(element: unknown, node: FilterNode, sub: SubResolver): boolean {
  switch (node.kind) {
    case 'and':
      return matchElement(element, node.left, sub) && matchElement(element, node.right, sub);
    case 'or':
      return matchElement(element, node.left, sub) || matchElement(element, node.right, sub);
    case 'not':
      return !matchElement(element, node.filter, sub);
    case 'valuePath':
      throw invalidFilter('a value filter cannot nest another');
    case 'present':
    case 'compare': {
      const target = node.path.sub === undefined && node.path.uri === undefined ? sub(node.path.attr) : undefined;
      if (!target) throw invalidFilter(`unknown sub-attribute '${printPath(node.path)}'`);
      const values = valuesOf(element, target);
      if (node.kind === 'present') return values.some(isPresent);
      const leaf = target.kind === 'const' ? { type: 'string' as const, caseExact: target.caseExact } : target;
      if (node.value === null) return node.op === 'eq' ? !values.some(isPresent) : values.some(isPresent);
      if (node.op === 'ne') return !values.some((v) => compareScalar(v, 'eq', node.value, leaf));
      return values.some((v) => compareScalar(v, node.op, node.value, leaf));
    }
  }
}
