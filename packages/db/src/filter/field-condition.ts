import { normaliseKey } from '@provisio/core';
import type { CompareOp, FilterValue } from '@provisio/core';
import { storedLiteral } from './compare-scalar.ts';
import type { FieldTarget } from './targets.ts';

export type Query = Record<string, unknown>;

/** Matches nothing / everything, in a form FerretDB accepts. */
export const NEVER: Query = { _id: { $in: [] } };
export const ALWAYS: Query = {};

/**
 * Top-level copies of nested fields, for equality: FerretDB pushes down only top-level
 * equality, so `emails eq "x"` reads `emailKeys` (the same normalised values) instead.
 */
const EQUALITY_COPIES: Readonly<Record<string, string>> = { 'search.emails.value': 'emailKeys' };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Relies on storage dropping null, "" and [] (RFC 7643 §2.5), so "exists" means "has a value". */
export const present = (field: string): Query => ({ [field]: { $exists: true } });

/**
 * A comparison on one stored field, from a whitelist of operators: user text is only ever
 * a value (regex-escaped for co/sw/ew), never an operator or a key. On arrays MongoDB
 * matches when any element does, and `$ne` means "no element equals" — the SCIM reading.
 */
export function fieldCondition(target: FieldTarget, op: CompareOp, value: FilterValue): Query {
  const { field, type } = target;
  if (value === null) return op === 'eq' ? { $nor: [present(field)] } : present(field);
  const literal = storedLiteral(value, type, target.caseExact);
  if (literal instanceof Date && Number.isNaN(literal.getTime())) return NEVER;
  const ordered = type === 'string' || type === 'dateTime' || type === 'number';
  switch (op) {
    case 'eq':
      if (target.equalityKey && typeof literal === 'string') return keyedEquality(target, target.equalityKey, literal);
      return { [typeof literal === 'string' ? (EQUALITY_COPIES[field] ?? field) : field]: literal };
    case 'ne':
      return { [field]: { $ne: literal } };
    case 'co':
    case 'sw':
    case 'ew': {
      if (type !== 'string') return NEVER;
      const body = escapeRegex(String(literal));
      return { [field]: { $regex: op === 'co' ? body : op === 'sw' ? `^${body}` : `${body}$` } };
    }
    case 'gt':
      return ordered ? { [field]: { $gt: literal } } : NEVER;
    case 'ge':
      return ordered ? { [field]: { $gte: literal } } : NEVER;
    case 'lt':
      return ordered ? { [field]: { $lt: literal } } : NEVER;
    case 'le':
      return ordered ? { [field]: { $lte: literal } } : NEVER;
  }
}

/** `{ extKeys: "<prefix><normalised>" }`, plus the exact stored value when the attribute is caseExact. */
function keyedEquality(
  target: FieldTarget,
  equalityKey: NonNullable<FieldTarget['equalityKey']>,
  literal: string,
): Query {
  const key = { [equalityKey.field]: equalityKey.prefix + normaliseKey(literal) };
  return target.caseExact ? { $and: [key, { [target.field]: literal }] } : key;
}
