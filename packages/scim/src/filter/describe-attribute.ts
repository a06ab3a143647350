import type { AttributeType } from '../schema/attribute-def.ts';
import type { ResourceTypeName, SchemaRegistry } from '../schema/registry.ts';
import { resolveAttribute } from '../schema/resolve-attribute.ts';
import type { AttrPath } from './ast.ts';

/** What storage needs to translate one AST path faithfully. */
export type AttributeDescription = {
  type: AttributeType;
  /** false: compare without case (store/query a lower-cased copy or use a case-insensitive regex). */
  caseExact: boolean;
  /** The attribute, or the complex attribute holding it, has many values: a test matches if any element does. */
  multiValued: boolean;
  /** Dotted path in the domain shape: `userName`, `emails.value`, `enterprise.manager.value`, `extensions.acme.badge`. */
  storagePath: string;
  /** `id`, `externalId` and `meta.*` are common attributes that storage keeps in its own fields. */
  common: boolean;
};

/**
 * Tells storage how to compare an attribute path of a parsed filter. For a `valuePath`, call
 * it with `{ ...node.path, sub: inner.path.attr }` for each inner test. Undefined when unknown.
 */
export function describeAttribute(opts: {
  registry: SchemaRegistry;
  resourceType: ResourceTypeName;
  path: AttrPath;
}): AttributeDescription | undefined {
  const found = resolveAttribute(opts.registry.resources[opts.resourceType], opts.path);
  if (!found) return undefined;
  const leaf = found.sub ?? found.def;
  return {
    type: leaf.type,
    caseExact: leaf.caseExact,
    multiValued: found.def.multiValued,
    storagePath: [...found.storage, found.def.name, ...(found.sub ? [found.sub.name] : [])].join('.'),
    common: found.common,
  };
}
