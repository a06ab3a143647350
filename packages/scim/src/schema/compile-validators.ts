import type { z } from 'zod';
import type { AttributeDef } from './attribute-def.ts';
import { COMMON_ATTRIBUTES } from './common-attributes.ts';
import type { ResourceTypeName, SchemaRegistry } from './registry.ts';
import { resourceWireSchema } from './wire-schema.ts';
import { zodForAttribute } from './zod-for-attribute.ts';

/** zod validators compiled once per registry, so no request pays for building them. */
export type CompiledValidators = {
  /** Input validator of one attribute (or sub-attribute) value. */
  attribute(def: AttributeDef): z.ZodType;
  /** Whole-resource wire schema. */
  resource(type: ResourceTypeName, direction: 'input' | 'output'): z.ZodType;
};

export function compileValidators(registry: Omit<SchemaRegistry, 'validators'>): CompiledValidators {
  const mode = { direction: 'input' as const, strictCanonicalValues: registry.strictCanonicalValues };
  const byDef = new Map<AttributeDef, z.ZodType>();
  const add = (def: AttributeDef) => {
    byDef.set(def, zodForAttribute(def, mode));
    for (const sub of def.subAttributes ?? []) byDef.set(sub, zodForAttribute(sub, mode));
  };
  COMMON_ATTRIBUTES.forEach(add);
  for (const schema of registry.schemas) schema.attributes.forEach(add);
  const wire = {
    User: {
      input: resourceWireSchema(registry, 'User', 'input'),
      output: resourceWireSchema(registry, 'User', 'output'),
    },
    Group: {
      input: resourceWireSchema(registry, 'Group', 'input'),
      output: resourceWireSchema(registry, 'Group', 'output'),
    },
  };
  return {
    attribute(def) {
      return byDef.get(def) ?? zodForAttribute(def, mode);
    },
    resource(type, direction) {
      return wire[type][direction];
    },
  };
}
