import { findAttribute } from './attribute-def.ts';
import type { AttributeDef } from './attribute-def.ts';

/** Entra sends `"True"`/`"False"` for booleans ; only exact words, any case. */
export function coerceBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Renames keys to the schema's canonical case (names are case-insensitive, RFC 7643 §2.1).
 * Unknown keys are kept so the strict object reports them.
 */
export function canonicaliseKeys(value: unknown, defs: readonly AttributeDef[]): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const def = findAttribute(defs, key);
    out[def ? def.name : key] = v;
  }
  return out;
}

/**
 * Shapes IdPs send for a complex attribute: a bare string for `{value}` (Entra's manager),
 * or an array of one for a single-valued attribute (Entra manager PATCH).
 */
export function coerceComplexShape(value: unknown, def: AttributeDef): unknown {
  const hasValue = findAttribute(def.subAttributes, 'value') !== undefined;
  let v = value;
  if (!def.multiValued && Array.isArray(v) && v.length === 1) v = v[0];
  if (hasValue && (typeof v === 'string' || typeof v === 'number')) v = { value: String(v) };
  if (def.multiValued && isPlainObject(v)) v = [v];
  if (def.multiValued && Array.isArray(v) && hasValue) {
    v = v.map((e: unknown) => (typeof e === 'string' ? { value: e } : e));
  }
  return v;
}

/** Removes `null`/`undefined` recursively: an explicit null means "absent" (Entra sends them). */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(stripNulls);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    out[k] = stripNulls(v);
  }
  return out;
}

export { isPlainObject };
