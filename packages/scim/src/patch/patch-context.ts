import { badRequest } from '../errors/scim-error.ts';
import type { AttributeDef } from '../schema/attribute-def.ts';
import { stripNulls } from '../schema/coerce-input.ts';
import type { ResourceSchema, SchemaRegistry } from '../schema/registry.ts';
import { zodToScimError } from '../errors/zod-to-scim-error.ts';

export type Doc = Record<string, unknown>;

/** Per-request state of one PATCH application; lives only for the call. */
export type PatchContext = {
  registry: SchemaRegistry;
  resource: ResourceSchema;
  /** The resource's own id: a path-less `id` equal to it is ignored (Okta group rename). */
  id: string | undefined;
  /** Collected write-only password, returned apart. */
  password: string | undefined;
};

/** Validates and coerces one value for `def` (string booleans, bare-string references, nulls). */
export function coerce(ctx: PatchContext, def: AttributeDef, raw: unknown, label: string): unknown {
  const result = ctx.registry.validators.attribute(def).safeParse(stripNulls(raw));
  if (!result.success) throw zodToScimError(result.error, label);
  return stripNulls(result.data);
}

export function getContainer(doc: Doc, storage: readonly string[], create: boolean): Doc | undefined {
  let node: Doc = doc;
  for (const key of storage) {
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      node = next as Doc;
    } else if (create) {
      const fresh: Doc = {};
      node[key] = fresh;
      node = fresh;
    } else {
      return undefined;
    }
  }
  return node;
}

/** Drops empty extension containers so `enterprise: {}` never reaches storage. */
export function pruneEmpty(doc: Doc, storage: readonly string[]): void {
  for (let depth = storage.length; depth > 0; depth--) {
    const parent = getContainer(doc, storage.slice(0, depth - 1), false);
    const key = storage[depth - 1];
    if (!parent || key === undefined) return;
    const child = parent[key];
    if (typeof child === 'object' && child !== null && Object.keys(child).length === 0) delete parent[key];
  }
}

export function mutability(detail: string) {
  return badRequest('mutability', detail);
}

export function isObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
