import { z } from 'zod';
import type { AttributeDef } from './attribute-def.ts';
import { canonicaliseKeys, isPlainObject } from './coerce-input.ts';
import { COMMON_ATTRIBUTES } from './common-attributes.ts';
import type { ResourceTypeName, SchemaRegistry } from './registry.ts';
import { zodForAttribute } from './zod-for-attribute.ts';
import type { ZodMode } from './zod-for-attribute.ts';

function attributesShape(defs: readonly AttributeDef[], mode: ZodMode): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const def of defs) {
    if (mode.direction === 'output' && def.returned === 'never') continue;
    if (mode.direction === 'input' && def.mutability === 'readOnly') {
      shape[def.name] = z.unknown().optional(); // id, meta, groups sent by a client are ignored
      continue;
    }
    const type = zodForAttribute(def, mode);
    shape[def.name] = def.required && mode.direction === 'output' ? type : type.nullish();
  }
  return shape;
}

/**
 * The zod schema of a whole User or Group on the wire, derived from the registry (the same
 * definitions `/Schemas` prints). `input` tolerates IdP quirks; `output` is the strict response.
 */
export function resourceWireSchema(
  registry: Pick<SchemaRegistry, 'resources' | 'strictCanonicalValues'>,
  type: ResourceTypeName,
  direction: ZodMode['direction'],
) {
  const resource = registry.resources[type];
  const mode: ZodMode = { direction, strictCanonicalValues: registry.strictCanonicalValues };
  const defs = [...COMMON_ATTRIBUTES, ...resource.core.attributes];
  const schemas = z.array(z.string());
  const shape: Record<string, z.ZodType> = {
    schemas: direction === 'input' ? schemas.nullish() : schemas,
    ...attributesShape(defs, mode),
  };
  for (const ext of resource.extensions) {
    shape[ext.schema.id] = z.strictObject(attributesShape(ext.schema.attributes, mode)).nullish();
  }
  const object = z.strictObject(shape);
  if (direction === 'output') return object;
  const urns = resource.extensions.map((e) => e.schema.id);
  return z.preprocess((v) => {
    if (!isPlainObject(v)) return v;
    const keyed = canonicaliseKeys(v, defs) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(keyed)) {
      const urn = urns.find((u) => u.toLowerCase() === k.toLowerCase());
      const canonicalVal = urn
        ? canonicaliseKeys(val, resource.extensions.find((e) => e.schema.id === urn)?.schema.attributes ?? [])
        : val;
      out[urn ?? (k.toLowerCase() === 'schemas' ? 'schemas' : k)] = canonicalVal;
    }
    return out;
  }, object);
}
