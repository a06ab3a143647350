import { badRequest } from '../errors/scim-error.ts';
import type { FilterNode } from '../filter/ast.ts';
import { matchesElement } from '../filter/matches.ts';
import type { OpInput, PlainTarget } from './apply-plain.ts';
import { enforcePrimary } from './multi-valued.ts';
import { coerce, isObject, mutability } from './patch-context.ts';
import type { Doc, PatchContext } from './patch-context.ts';
import { seedFromFilter } from './seed-from-filter.ts';
import { asArray, omitKey, readAttribute, writeAttribute } from './write-attribute.ts';

export type FilteredTarget = PlainTarget & { filter: FilterNode };

/**
 * Ops on `attr[filter]` and `attr[filter].sub`. Works on multi-valued attributes and, as
 * Entra sends for `manager[value eq "x"]`, on a single-valued complex one (scim-patch#453).
 */
export function applyFiltered(ctx: PatchContext, doc: Doc, t: FilteredTarget, input: OpInput): void {
  const { def } = t.attr;
  if (t.sub?.mutability === 'readOnly') throw mutability(`'${t.label}' is read-only`);
  const entries = asArray(readAttribute(doc, t.attr));
  const hits = new Set(entries.flatMap((e, i) => (matchesElement(e, t.filter, def) ? [i] : [])));
  const finish = (next: unknown[], changed: ReadonlySet<number>) => {
    const checked = enforcePrimary(next, changed, t.label);
    writeAttribute(ctx, doc, t.attr, def.multiValued ? checked : checked[0]);
  };

  if (input.op === 'remove' || input.value === null) {
    // Removing nothing that matches is a no-op: remove is idempotent.
    const next = t.sub
      ? entries.map((e, i) => (hits.has(i) ? omitKey(e, t.sub?.name ?? '') : e))
      : entries.filter((_, i) => !hits.has(i));
    finish(next, new Set());
    return;
  }
  const seed = seedFromFilter(t.filter);
  if (hits.size === 0) {
    // RFC 7644 says noTarget; Entra/pingidentity#135 need `add` (and Entra's replace) to create it.
    if (!seed) throw badRequest('noTarget', `No value matches '${t.label}'`);
    const body = t.sub ? { [t.sub.name]: input.value } : isObject(input.value) ? input.value : undefined;
    if (!body) throw badRequest('invalidValue', `'${t.label}' needs an object value`);
    const created = coerceEntry(ctx, t, { ...seed, ...body });
    if (!def.multiValued && entries.length > 0) throw badRequest('noTarget', `No value matches '${t.label}'`);
    finish([...entries, created], new Set([entries.length]));
    return;
  }
  const next = entries.map((e, i) => {
    if (!hits.has(i)) return e;
    if (t.sub) return coerceEntry(ctx, t, { ...(isObject(e) ? e : {}), [t.sub.name]: input.value });
    if (!isObject(input.value)) throw badRequest('invalidValue', `'${t.label}' needs an object value`);
    // add merges into the entry; replace swaps it, keeping what the filter pinned (e.g. type).
    const base = input.op === 'add' && isObject(e) ? e : (seed ?? {});
    return coerceEntry(ctx, t, { ...base, ...input.value });
  });
  finish(next, hits);
}

function coerceEntry(ctx: PatchContext, t: FilteredTarget, entry: Doc): unknown {
  const value = coerce(ctx, t.attr.def, t.attr.def.multiValued ? [entry] : entry, t.label);
  return Array.isArray(value) ? value[0] : value;
}
