import type { FilterNode } from '../filter/ast.ts';

/**
 * The element an `add` must create when its value filter matches nothing
 * (`phoneNumbers[type eq "work"].value` → `{type: "work", value}`; pingidentity/scim2#135).
 * Only an `eq` or an `and` of `eq`s describes one element; anything else gives undefined.
 */
export function seedFromFilter(filter: FilterNode): Record<string, unknown> | undefined {
  if (filter.kind === 'compare' && filter.op === 'eq' && filter.value !== null && filter.path.sub === undefined) {
    return { [filter.path.attr]: filter.value };
  }
  if (filter.kind === 'and') {
    const left = seedFromFilter(filter.left);
    const right = seedFromFilter(filter.right);
    return left && right ? { ...left, ...right } : undefined;
  }
  return undefined;
}
