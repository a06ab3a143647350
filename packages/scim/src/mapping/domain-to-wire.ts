import type { AttributeDef } from '../schema/attribute-def.ts';
import { isPlainObject } from '../schema/coerce-input.ts';
import type { ResourceTypeName, SchemaRegistry } from '../schema/registry.ts';
import { buildMeta, trimBase } from './meta.ts';
import type { ResourceInfo, ScimMeta } from './meta.ts';

/** A resource as sent on the wire. Schema attributes beyond these are read with brackets. */
export type ScimResource = { schemas: string[]; id: string; meta: ScimMeta; [attribute: string]: unknown };

function pick(
  source: Record<string, unknown>,
  defs: readonly AttributeDef[],
  baseUrl: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    const value = source[def.name];
    if (value === undefined || value === null || def.returned === 'never' || def.mutability === 'readOnly') continue;
    out[def.name] = withRefs(def, value, baseUrl);
  }
  return out;
}

/** Renders `$ref` for reference-carrying complex attributes (manager) from their stored id. */
function withRefs(def: AttributeDef, value: unknown, baseUrl: string): unknown {
  const ref = def.subAttributes?.find((s) => s.name === '$ref');
  if (!ref || !isPlainObject(value) || typeof value['value'] !== 'string') return value;
  const target = ref.referenceTypes?.includes('Group') ? 'Groups' : 'Users';
  return {
    value: value['value'],
    $ref: `${baseUrl}/${target}/${encodeURIComponent(value['value'])}`,
    ...omitValue(value),
  };
}

function omitValue(v: Record<string, unknown>): Record<string, unknown> {
  const { value: _v, $ref: _r, ...rest } = v;
  return rest;
}

/** Domain shape → wire JSON: core attributes, extensions under their URN, `meta`, `schemas`. */
export function domainToWire(
  domain: Record<string, unknown>,
  opts: ResourceInfo & { registry: SchemaRegistry; type: ResourceTypeName },
): ScimResource {
  const resource = opts.registry.resources[opts.type];
  const baseUrl = trimBase(opts.baseUrl);
  const schemas = [resource.core.id];
  const body: Record<string, unknown> = {};
  if (typeof domain['externalId'] === 'string') body['externalId'] = domain['externalId'];
  Object.assign(body, pick(domain, resource.core.attributes, baseUrl));
  for (const ext of resource.extensions) {
    const data = ext.storage.reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), domain);
    if (!isPlainObject(data)) continue;
    const picked = pick(data, ext.schema.attributes, baseUrl);
    if (Object.keys(picked).length === 0) continue;
    schemas.push(ext.schema.id);
    body[ext.schema.id] = picked;
  }
  return { schemas, id: opts.id, ...body, meta: buildMeta(opts.type, opts) };
}
