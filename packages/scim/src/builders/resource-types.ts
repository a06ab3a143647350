import { ScimError } from '../errors/scim-error.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { URN } from '../schema/urns.ts';

/** One `/ResourceTypes/{name}` entry (RFC 7643 §6), extensions from the registry. */
export function buildResourceType(name: string, opts: { registry: SchemaRegistry; baseUrl: string }) {
  const key = (['User', 'Group'] as const).find((n) => n.toLowerCase() === name.toLowerCase());
  if (!key) throw new ScimError({ status: 404, detail: `Resource type '${name}' not found` });
  const resource = opts.registry.resources[key];
  const base = opts.baseUrl.replace(/\/+$/, '');
  return {
    schemas: [URN.resourceType],
    id: resource.name,
    name: resource.name,
    endpoint: resource.endpoint,
    description: resource.description,
    schema: resource.core.id,
    schemaExtensions: resource.extensions.map((e) => ({ schema: e.schema.id, required: e.required })),
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/${resource.name}` },
  };
}

export function buildResourceTypes(opts: { registry: SchemaRegistry; baseUrl: string }) {
  return ['User', 'Group'].map((n) => buildResourceType(n, opts));
}
