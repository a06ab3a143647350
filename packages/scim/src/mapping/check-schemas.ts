import { badRequest } from '../errors/scim-error.ts';
import type { ResourceSchema } from '../schema/registry.ts';
import { TOLERATED_SCHEMA_URNS } from '../schema/urns.ts';

/**
 * `schemas` may list the core URN, the resource's extensions, and the URNs Entra adds that
 * name nothing (legacy ADSCIM group URN, malformed `…2.0User`). Anything else is 400
 * invalidSyntax (interop profile). A missing `schemas` is tolerated.
 */
export function checkSchemas(schemas: unknown, resource: ResourceSchema): void {
  if (schemas === undefined || schemas === null) return;
  if (!Array.isArray(schemas) || !schemas.every((s) => typeof s === 'string')) {
    throw badRequest('invalidSyntax', "'schemas' must be an array of URNs");
  }
  const known = [
    resource.core.id,
    ...resource.extensions.map((e) => e.schema.id),
    ...TOLERATED_SCHEMA_URNS[resource.name],
  ].map((u) => u.toLowerCase());
  const unknown = schemas.find((s: string) => !known.includes(s.toLowerCase()));
  if (unknown !== undefined) throw badRequest('invalidSyntax', `Unknown schema '${unknown}'`);
}
