import type { FilterNode } from '@provisio/core';
import { ALWAYS, fieldCondition, present } from './field-condition.ts';
import type { Query } from './field-condition.ts';
import { invalidFilter, printPath } from './invalid-filter.ts';
import type { SubResolver } from './match-element.ts';

/**
 * A necessary condition for "some element matches `node`" that storage can evaluate:
 * positive tests become "some element has …" (index-friendly); anything negative
 * (`not`, `ne`, `eq null`) relaxes to "anything". The exact test runs in memory after.
 */
export function relaxElementFilter(node: FilterNode, sub: SubResolver): Query {
  switch (node.kind) {
    case 'and':
      return { $and: [relaxElementFilter(node.left, sub), relaxElementFilter(node.right, sub)] };
    case 'or':
      return { $or: [relaxElementFilter(node.left, sub), relaxElementFilter(node.right, sub)] };
    case 'not':
    case 'valuePath':
      return ALWAYS;
    default: {
      const t = node.path.sub === undefined && node.path.uri === undefined ? sub(node.path.attr) : undefined;
      if (!t) throw invalidFilter(`unknown sub-attribute '${printPath(node.path)}'`);
      if (t.kind === 'const') return ALWAYS;
      if (node.kind === 'present') return present(t.field);
      if (node.op === 'ne' || node.value === null) return ALWAYS;
      return fieldCondition(t, node.op, node.value);
    }
  }
}
