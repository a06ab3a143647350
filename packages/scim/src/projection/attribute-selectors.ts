import type { AttributeDef } from '../schema/attribute-def.ts';
import type { ResourceSchema } from '../schema/registry.ts';
import { findExtension, resolveAttribute, splitSchemaUrn } from '../schema/resolve-attribute.ts';

/** A wire location: `[attr]`, `[attr, sub]`, `[urn]`, `[urn, attr]` or `[urn, attr, sub]`. */
export type Selector = { keys: string[]; def?: AttributeDef };

/** Splits an `attributes`/`excludedAttributes` value (comma-separated string or list). */
export function splitList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const parts = typeof value === 'string' ? value.split(',') : value.flatMap((v) => v.split(','));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Resolves names case-insensitively, URN-qualified or not, to wire locations.
 * Unknown names select nothing (RFC 7644 §3.9 gives no error for them).
 */
export function toSelectors(names: readonly string[], resource: ResourceSchema): Selector[] {
  const out: Selector[] = [];
  for (const name of names) {
    const ext = findExtension(resource, name);
    if (ext) {
      out.push({ keys: [ext.schema.id] });
      continue;
    }
    const { uri, rest } = splitSchemaUrn(resource, name);
    const dot = rest.indexOf('.');
    const attr = dot < 0 ? rest : rest.slice(0, dot);
    const sub = dot < 0 ? undefined : rest.slice(dot + 1);
    const found = resolveAttribute(resource, { uri, attr, sub });
    if (!found) continue;
    const keys = found.extension ? [found.schemaUrn, found.def.name] : [found.def.name];
    if (found.sub) keys.push(found.sub.name);
    out.push({ keys, def: found.sub ?? found.def });
  }
  return out;
}
