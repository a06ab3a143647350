import type { AttributeDef } from '../schema/attribute-def.ts';
import type { ResolvedAttribute } from '../schema/resolve-attribute.ts';
import { deepEqual } from './multi-valued.ts';
import { getContainer, isObject, mutability, pruneEmpty } from './patch-context.ts';
import type { Doc, PatchContext } from './patch-context.ts';

/** Reads the current value of a resolved attribute in the working copy. */
export function readAttribute(doc: Doc, attr: ResolvedAttribute): unknown {
  return getContainer(doc, attr.storage, false)?.[attr.def.name];
}

export const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function isEmpty(v: unknown): boolean {
  return v === undefined || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

/** Refuses removing what the published schema requires: RFC 7644 §3.5.2.2 says `mutability`. */
export function assertRemovable(attr: ResolvedAttribute): void {
  if (attr.def.required) throw mutability(`'${attr.def.name}' is required and cannot be removed`);
}

/**
 * Stores the new value of an attribute (undefined or empty removes it), enforcing `immutable`
 * (RFC 7643 §2.2: may be set once, never changed) and dropping emptied extension containers.
 */
export function writeAttribute(ctx: PatchContext, doc: Doc, attr: ResolvedAttribute, next: unknown): void {
  const container = getContainer(doc, attr.storage, !isEmpty(next));
  if (!container) return;
  const name = attr.def.name;
  const prev = container[name];
  if (attr.def.mutability === 'immutable' && prev !== undefined && !deepEqual(prev, next)) {
    throw mutability(`'${name}' is immutable`);
  }
  if (isEmpty(next)) {
    if (prev !== undefined) assertRemovable(attr);
    delete container[name];
    pruneEmpty(doc, attr.storage);
  } else {
    container[name] = next;
  }
}

/** A reference (a complex attribute with `value`, like manager) pointing elsewhere is a new value, not a merge. */
export function mergeComplex(def: AttributeDef, prev: unknown, next: Doc): Doc {
  if (!isObject(prev)) return next;
  const isReference = def.subAttributes?.some((s) => s.name === 'value') ?? false;
  if (isReference && next['value'] !== undefined && next['value'] !== prev['value']) return next;
  return { ...prev, ...next };
}

export function omitKey(obj: unknown, key: string): unknown {
  if (!isObject(obj)) return obj;
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}
