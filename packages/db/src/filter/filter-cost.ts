import type { FilterNode } from '@provisio/core';
import { invalidFilter } from './invalid-filter.ts';
import type { PathResolver } from './targets.ts';

/**
 * Terms that cost more than a condition in the main query: a value path (`emails[…]`,
 * `members[…]`) reads candidate documents and tests each element in memory, and a member
 * test (`members`, `groups`) runs its own query over membership rows. At most this many
 * per filter.
 */
export const MAX_COSTLY_TERMS = 10;

/** How many value-path and member terms `node` has (see MAX_COSTLY_TERMS). */
export function countCostlyTerms(node: FilterNode, resolve: PathResolver): number {
  switch (node.kind) {
    case 'and':
    case 'or':
      return countCostlyTerms(node.left, resolve) + countCostlyTerms(node.right, resolve);
    case 'not':
      return countCostlyTerms(node.filter, resolve);
    case 'valuePath':
      return 1;
    default:
      return resolve(node.path)?.kind === 'rows' ? 1 : 0;
  }
}

/** Refuses a filter over MAX_COSTLY_TERMS before any of its sub-queries runs. */
export function checkFilterCost(node: FilterNode, resolve: PathResolver): void {
  const terms = countCostlyTerms(node, resolve);
  if (terms <= MAX_COSTLY_TERMS) return;
  throw invalidFilter(
    `This filter has ${terms} value-path or member terms (attr[…], members, groups); at most ${MAX_COSTLY_TERMS} are allowed per filter: split it into several requests`,
  );
}
