import { normaliseKey } from '@provisio/core';
import type { CompareOp, FilterValue } from '@provisio/core';
import type { ScalarType } from './targets.ts';

export const toBoolean = (v: FilterValue): boolean => (typeof v === 'string' ? v.toLowerCase() === 'true' : v === true);

/** The filter literal in the form the stored value has (normalised when not caseExact). */
export function storedLiteral(
  value: FilterValue,
  type: ScalarType,
  caseExact: boolean,
): string | number | boolean | Date {
  if (type === 'dateTime') return new Date(String(value));
  if (type === 'boolean') return toBoolean(value);
  if (type === 'number') return Number(value);
  return caseExact ? String(value) : normaliseKey(String(value));
}

function order(a: number | string, b: number | string, op: CompareOp): boolean {
  if (op === 'gt') return a > b;
  if (op === 'ge') return a >= b;
  if (op === 'lt') return a < b;
  if (op === 'le') return a <= b;
  return a === b;
}

/**
 * One stored value against one literal, in memory (used where FerretDB cannot evaluate a
 * condition per array element). Same rules as storage: not for `ne` or null literals.
 */
export function compareScalar(
  actual: unknown,
  op: CompareOp,
  expected: FilterValue,
  leaf: { type: ScalarType; caseExact: boolean },
): boolean {
  if (actual === undefined || actual === null || expected === null) return false;
  if (leaf.type === 'dateTime') {
    const a = actual instanceof Date ? actual.getTime() : typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
    const e = Date.parse(String(expected));
    return !Number.isNaN(a) && !Number.isNaN(e) && !['co', 'sw', 'ew'].includes(op) && order(a, e, op);
  }
  if (leaf.type === 'boolean') return op === 'eq' && actual === toBoolean(expected);
  if (leaf.type === 'number')
    return typeof actual === 'number' && !['co', 'sw', 'ew'].includes(op) && order(actual, Number(expected), op);
  if (typeof actual !== 'string') return false;
  const a = leaf.caseExact ? actual : normaliseKey(actual);
  const e = String(storedLiteral(expected, 'string', leaf.caseExact));
  if (op === 'co') return a.includes(e);
  if (op === 'sw') return a.startsWith(e);
  if (op === 'ew') return a.endsWith(e);
  return order(a, e, op);
}

export function isPresent(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.some(isPresent);
  if (v instanceof Date) return true;
  if (typeof v === 'object') return Object.values(v).some(isPresent);
  return true;
}
