import { badRequest } from '../errors/scim-error.ts';
import { zodToScimError } from '../errors/zod-to-scim-error.ts';
import { isPlainObject, stripNulls } from '../schema/coerce-input.ts';
import type { ResourceTypeName, SchemaRegistry } from '../schema/registry.ts';
import { checkSchemas } from './check-schemas.ts';

const READ_ONLY_KEYS = ['schemas', 'id', 'meta', 'groups'];

/**
 * Validates a wire User/Group with the registry's input schema and reshapes it for the
 * domain: URN-keyed extension objects move to their storage path, readOnly input is
 * ignored, nulls mean absent. Returns the domain object and the write-only password.
 */
export function wireToDomain(wire: unknown, registry: SchemaRegistry, type: ResourceTypeName) {
  if (!isPlainObject(wire)) throw badRequest('invalidSyntax', `A ${type} must be a JSON object`);
  const resource = registry.resources[type];
  const schemasKey = Object.keys(wire).find((k) => k.toLowerCase() === 'schemas');
  checkSchemas(schemasKey === undefined ? undefined : wire[schemasKey], resource);
  const parsed = registry.validators.resource(type, 'input').safeParse(wire);
  if (!parsed.success) throw zodToScimError(parsed.error);
  const data = stripNulls(parsed.data) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let password: string | undefined;
  const extensionUrns = new Map(resource.extensions.map((e) => [e.schema.id, e.storage]));
  for (const [key, value] of Object.entries(data)) {
    if (READ_ONLY_KEYS.includes(key)) continue;
    if (key === 'password') {
      password = value as string;
      continue;
    }
    const storage = extensionUrns.get(key);
    if (!storage) {
      out[key] = value;
      continue;
    }
    if (!isPlainObject(value) || Object.keys(value).length === 0) continue;
    setAt(out, storage, value);
  }
  return { domain: out, password };
}

function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = root;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = isPlainObject(node[key]) ? node[key] : {};
    node[key] = next;
    node = next;
  });
}
