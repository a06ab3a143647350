import { ScimError } from '../errors/scim-error.ts';
import type { AttributeDef, SchemaDef } from '../schema/attribute-def.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { URN } from '../schema/urns.ts';

function describeAttribute(def: AttributeDef): Record<string, unknown> {
  return {
    name: def.name,
    type: def.type,
    multiValued: def.multiValued,
    description: def.description,
    required: def.required,
    caseExact: def.caseExact,
    mutability: def.mutability,
    returned: def.returned,
    uniqueness: def.uniqueness,
    ...(def.canonicalValues ? { canonicalValues: [...def.canonicalValues] } : {}),
    ...(def.referenceTypes ? { referenceTypes: [...def.referenceTypes] } : {}),
    ...(def.subAttributes ? { subAttributes: def.subAttributes.map(describeAttribute) } : {}),
  };
}

function representation(schema: SchemaDef, baseUrl: string) {
  return {
    schemas: [URN.schema],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(describeAttribute),
    meta: { resourceType: 'Schema', location: `${baseUrl.replace(/\/+$/, '')}/Schemas/${schema.id}` },
  };
}

/** Every schema of the registry as `/Schemas` entries (RFC 7643 §7), from the same definitions zod uses. */
export function buildSchemas(opts: { registry: SchemaRegistry; baseUrl: string }) {
  return opts.registry.schemas.map((s) => representation(s, opts.baseUrl));
}

/** `/Schemas/{urn}`; 404 ScimError when unknown. */
export function buildSchema(urn: string, opts: { registry: SchemaRegistry; baseUrl: string }) {
  const schema = opts.registry.schemas.find((s) => s.id.toLowerCase() === urn.toLowerCase());
  if (!schema) throw new ScimError({ status: 404, detail: `Schema '${urn}' not found` });
  return representation(schema, opts.baseUrl);
}
