import type { AttributeType } from '../schema/attribute-def.ts';
import type { CompareOp, FilterValue } from './ast.ts';

/** How one attribute compares (RFC 7644 §3.4.2.2): by schema type, and without case unless caseExact. */
export type Comparison = { type: AttributeType; caseExact: boolean };

export function isPresent(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.some(isPresent);
  if (typeof v === 'object') return Object.values(v).some(isPresent);
  return true;
}

function order(a: number | string, b: number | string, op: CompareOp): boolean {
  switch (op) {
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    default:
      return a === b;
  }
}

function compareStrings(actual: string, expected: string, op: CompareOp, caseExact: boolean): boolean {
  const a = caseExact ? actual : actual.toLowerCase();
  const e = caseExact ? expected : expected.toLowerCase();
  if (op === 'co') return a.includes(e);
  if (op === 'sw') return a.startsWith(e);
  if (op === 'ew') return a.endsWith(e);
  return order(a, e, op);
}

/** One stored value against one filter literal, for every operator but `ne` and null (see matches.ts). */
export function compareOne(
  actual: unknown,
  op: CompareOp,
  expected: FilterValue,
  cmp: Comparison | undefined,
): boolean {
  if (actual === undefined || actual === null || expected === null) return false;
  const type = cmp?.type;
  if (type === 'dateTime') {
    const a = typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
    const e = Date.parse(String(expected));
    return (
      !Number.isNaN(a) && !Number.isNaN(e) && (op === 'co' || op === 'sw' || op === 'ew' ? false : order(a, e, op))
    );
  }
  if (type === 'boolean' || typeof actual === 'boolean') {
    const e = typeof expected === 'string' ? expected.toLowerCase() === 'true' : expected === true;
    return op === 'eq' && actual === e;
  }
  if (type === 'integer' || type === 'decimal' || typeof actual === 'number') {
    const a = Number(actual);
    const e = Number(expected);
    return (
      !Number.isNaN(a) && !Number.isNaN(e) && (op === 'co' || op === 'sw' || op === 'ew' ? false : order(a, e, op))
    );
  }
  if (typeof actual !== 'string') return false;
  return compareStrings(actual, String(expected), op, cmp?.caseExact ?? true);
}
