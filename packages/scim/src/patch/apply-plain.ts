import { badRequest } from '../errors/scim-error.ts';
import type { AttributeDef } from '../schema/attribute-def.ts';
import type { ResolvedAttribute } from '../schema/resolve-attribute.ts';
import { enforcePrimary, mergeEntries, removeEntries } from './multi-valued.ts';
import type { PatchOpName } from './parse-patch-request.ts';
import { coerce, isObject, mutability } from './patch-context.ts';
import type { Doc, PatchContext } from './patch-context.ts';
import { asArray, mergeComplex, omitKey, readAttribute, writeAttribute } from './write-attribute.ts';

export type PlainTarget = { attr: ResolvedAttribute; sub?: AttributeDef; label: string };
export type OpInput = { op: PatchOpName; value: unknown; hasValue: boolean };

const allIndices = (n: number) => new Set(Array.from({ length: n }, (_, i) => i));

/** add/replace/remove on `attr` or `attr.sub` (no value filter). */
export function applyPlain(ctx: PatchContext, doc: Doc, t: PlainTarget, input: OpInput): void {
  if (t.sub) return applySub(ctx, doc, t as Required<PlainTarget>, input);
  const { def } = t.attr;
  const prev = readAttribute(doc, t.attr);
  const removing = input.op === 'remove' || input.value === null;
  if (removing) {
    const byValue = input.op === 'remove' && input.hasValue && input.value !== null && def.multiValued;
    writeAttribute(ctx, doc, t.attr, byValue ? removeEntries(def, asArray(prev), input.value, t.label) : undefined);
    return;
  }
  const value = coerce(ctx, def, input.value, t.label);
  if (def.multiValued) {
    const incoming = asArray(value);
    const merged =
      input.op === 'add'
        ? mergeEntries(def, asArray(prev), incoming)
        : { entries: incoming, changed: allIndices(incoming.length) };
    writeAttribute(ctx, doc, t.attr, enforcePrimary(merged.entries, merged.changed, t.label));
  } else if (def.type === 'complex') {
    // RFC 7644 §3.5.2.3: sub-attributes not given are left unchanged, for add and replace alike.
    writeAttribute(ctx, doc, t.attr, mergeComplex(def, prev, value as Doc));
  } else {
    writeAttribute(ctx, doc, t.attr, value);
  }
}

function applySub(ctx: PatchContext, doc: Doc, t: Required<PlainTarget>, input: OpInput): void {
  const { def } = t.attr;
  const sub = t.sub;
  if (sub.mutability === 'readOnly') throw mutability(`'${t.label}' is read-only`);
  const prev = readAttribute(doc, t.attr);
  const removing = input.op === 'remove' || input.value === null;
  const value = removing ? undefined : coerce(ctx, sub, input.value, t.label);
  if (!def.multiValued) {
    const next = removing ? omitKey(prev, sub.name) : { ...(isObject(prev) ? prev : {}), [sub.name]: value };
    writeAttribute(ctx, doc, t.attr, next);
    return;
  }
  const entries = asArray(prev);
  if (removing) {
    writeAttribute(
      ctx,
      doc,
      t.attr,
      entries.map((e) => omitKey(e, sub.name)),
    );
    return;
  }
  if (input.op === 'add' && entries.length > 1)
    throw badRequest('invalidPath', `'${t.label}' is ambiguous: use a value filter`);
  const next =
    entries.length === 0
      ? [{ [sub.name]: value }]
      : entries.map((e) => ({ ...(isObject(e) ? e : {}), [sub.name]: value }));
  writeAttribute(ctx, doc, t.attr, enforcePrimary(next, allIndices(next.length), t.label));
}
