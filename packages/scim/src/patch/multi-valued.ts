import { badRequest } from '../errors/scim-error.ts';
import type { AttributeDef } from '../schema/attribute-def.ts';
import { findAttribute } from '../schema/attribute-def.ts';
import { isObject } from './patch-context.ts';

function sameText(a: unknown, b: unknown, caseExact: boolean): boolean {
  if (typeof a === 'string' && typeof b === 'string' && !caseExact) return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
}

/** Two elements are the same entry when `value` and `type` agree (by the schema's case rule). */
export function sameEntry(def: AttributeDef, a: unknown, b: unknown): boolean {
  const valueDef = findAttribute(def.subAttributes, 'value');
  if (!valueDef || !isObject(a) || !isObject(b) || a['value'] === undefined) return deepEqual(a, b);
  return sameText(a['value'], b['value'], valueDef.caseExact) && sameText(a['type'], b['type'], false);
}

/** RFC 7644 §3.5.2.1 add: new entries are appended, an existing entry is merged, never duplicated. */
export function mergeEntries(def: AttributeDef, existing: readonly unknown[], incoming: readonly unknown[]) {
  const out = existing.slice();
  const changed = new Set<number>();
  for (const item of incoming) {
    const i = out.findIndex((e) => sameEntry(def, e, item));
    if (i >= 0) {
      const prev = out[i];
      // Same entry: merge, keeping the stored spelling of `value` (it may differ only in case).
      out[i] =
        isObject(prev) && isObject(item)
          ? { ...prev, ...item, ...(prev['value'] !== undefined ? { value: prev['value'] } : {}) }
          : item;
      changed.add(i);
    } else {
      changed.add(out.push(item) - 1);
    }
  }
  return { entries: out, changed };
}

/** Removes the entries named by value (Entra's `Remove` with a `value` array). */
export function removeEntries(def: AttributeDef, existing: readonly unknown[], raw: unknown, label: string): unknown[] {
  const items: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) throw badRequest('invalidValue', `remove of '${label}' names no entry`);
  const named = items.map((i) => (typeof i === 'string' ? { value: i } : i));
  if (!named.every(isObject)) throw badRequest('invalidValue', `remove of '${label}' needs entries like {"value": …}`);
  const hasValue = findAttribute(def.subAttributes, 'value') !== undefined;
  return existing.filter(
    (e) =>
      !named.some((n) =>
        hasValue && n['value'] !== undefined
          ? sameText(isObject(e) ? e['value'] : undefined, n['value'], false)
          : deepEqual(e, n),
      ),
  );
}

/**
 * Only one entry may be primary (RFC 7643 §2.4): entries just written with `primary: true`
 * win and the others are cleared; two new primaries at once are refused.
 */
export function enforcePrimary(entries: unknown[], changed: ReadonlySet<number>, label: string): unknown[] {
  const winners = [...changed].filter((i) => isObject(entries[i]) && entries[i]['primary'] === true);
  if (winners.length > 1) throw badRequest('invalidValue', `'${label}' can have only one primary entry`);
  const winner = winners[0];
  if (winner === undefined) return entries;
  return entries.map((e, i) => (i !== winner && isObject(e) && e['primary'] === true ? { ...e, primary: false } : e));
}
