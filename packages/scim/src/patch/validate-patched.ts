import { badRequest } from '../errors/scim-error.ts';
import type { AttributeDef } from '../schema/attribute-def.ts';
import type { ResourceSchema } from '../schema/registry.ts';
import { getContainer, isObject } from './patch-context.ts';
import type { Doc } from './patch-context.ts';

function checkAttributes(container: Doc, defs: readonly AttributeDef[], where: string) {
  for (const def of defs) {
    const value = container[def.name];
    const missing = value === undefined || value === null || value === '';
    if (missing && def.required) {
      throw badRequest('invalidValue', `'${where}${def.name}' is required`);
    }
    if (def.multiValued && Array.isArray(value)) {
      const primaries = value.filter((v) => isObject(v) && v['primary'] === true).length;
      if (primaries > 1) throw badRequest('invalidValue', `'${where}${def.name}' can have only one primary entry`);
    }
  }
}

/**
 * Checks the patched resource as a whole (RFC 7644 §3.5.2: the result must be valid):
 * required attributes (exactly those `/Schemas` publishes as required), one primary per
 * multi-valued attribute, required extensions. Values were already typed when written.
 */
export function validatePatched(resource: ResourceSchema, doc: Doc): void {
  checkAttributes(doc, resource.core.attributes, '');
  for (const ext of resource.extensions) {
    const container = getContainer(doc, ext.storage, false);
    if (!container) {
      if (ext.required) throw badRequest('invalidValue', `'${ext.schema.id}' is required`);
      continue;
    }
    checkAttributes(container, ext.schema.attributes, `${ext.schema.id}:`);
  }
}
