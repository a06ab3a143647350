import type { AttrPath, FilterNode, FilterValue } from './ast.ts';

function printValue(value: FilterValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('A filter number must be finite');
    return Object.is(value, -0) ? '-0' : JSON.stringify(value);
  }
  // JSON string escapes are exactly the filter grammar's (RFC 7644 §3.4.2.2 uses JSON values).
  return JSON.stringify(value);
}

export function printAttrPath(path: AttrPath): string {
  return `${path.uri !== undefined ? `${path.uri}:` : ''}${path.attr}${path.sub !== undefined ? `.${path.sub}` : ''}`;
}

/**
 * Prints an AST back to filter text with the fewest parentheses that keep its shape:
 * `parseFilter(printFilter(ast))` deep-equals `ast` (left-associative and/or chains).
 */
export function printFilter(node: FilterNode): string {
  switch (node.kind) {
    case 'compare':
      return `${printAttrPath(node.path)} ${node.op} ${printValue(node.value)}`;
    case 'present':
      return `${printAttrPath(node.path)} pr`;
    case 'not':
      return `not (${printFilter(node.filter)})`;
    case 'valuePath':
      return `${printAttrPath(node.path)}[${printFilter(node.filter)}]`;
    case 'and': {
      const left = node.left.kind === 'or' ? `(${printFilter(node.left)})` : printFilter(node.left);
      const right =
        node.right.kind === 'or' || node.right.kind === 'and'
          ? `(${printFilter(node.right)})`
          : printFilter(node.right);
      return `${left} and ${right}`;
    }
    case 'or': {
      const right = node.right.kind === 'or' ? `(${printFilter(node.right)})` : printFilter(node.right);
      return `${printFilter(node.left)} or ${right}`;
    }
  }
}
