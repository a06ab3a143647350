import { findAttribute } from './attribute-def.ts';
import type { AttributeDef } from './attribute-def.ts';
import { COMMON_ATTRIBUTES } from './common-attributes.ts';
import type { ExtensionBinding, ResourceSchema } from './registry.ts';

/** Where an attribute path lands: its definitions and the container that holds it in the domain shape. */
export type ResolvedAttribute = {
  /** Schema URN of the attribute (core URN for common attributes too). */
  schemaUrn: string;
  /** Container path in the domain shape: `[]` core, `['enterprise']`, `['extensions', key]`. */
  storage: readonly string[];
  def: AttributeDef;
  sub?: AttributeDef;
  /** `id`, `externalId`, `meta`: common attributes (RFC 7643 §3.1). */
  common: boolean;
  extension: boolean;
};

export function findExtension(resource: ResourceSchema, urn: string): ExtensionBinding | undefined {
  const lower = urn.toLowerCase();
  return resource.extensions.find((e) => e.schema.id.toLowerCase() === lower);
}

/** Splits a leading known schema URN off a path (`urn:…:User:name.givenName`), case-insensitively. */
export function splitSchemaUrn(resource: ResourceSchema, text: string): { uri?: string; rest: string } {
  const lower = text.toLowerCase();
  const urns = [resource.core.id, ...resource.extensions.map((e) => e.schema.id)];
  for (const urn of urns) {
    const u = urn.toLowerCase();
    if (lower === u) return { uri: urn, rest: '' };
    if (lower.startsWith(`${u}:`)) return { uri: urn, rest: text.slice(urn.length + 1) };
  }
  if (!lower.startsWith('urn:')) return { rest: text };
  // Unknown URN: RFC 7644 §3.10 puts the attribute after the last colon.
  const i = text.lastIndexOf(':');
  return { uri: text.slice(0, i), rest: text.slice(i + 1) };
}

function withSub(base: Omit<ResolvedAttribute, 'sub'>, sub: string | undefined): ResolvedAttribute | undefined {
  if (sub === undefined) return base;
  const subDef = findAttribute(base.def.subAttributes, sub);
  return subDef ? { ...base, sub: subDef } : undefined;
}

/** Resolves `{uri?, attr, sub?}` against a resource type; `undefined` when unknown. */
export function resolveAttribute(
  resource: ResourceSchema,
  path: { uri?: string | undefined; attr: string; sub?: string | undefined },
): ResolvedAttribute | undefined {
  const coreUrn = resource.core.id;
  const inCore = (): Omit<ResolvedAttribute, 'sub'> | undefined => {
    const def = findAttribute(resource.core.attributes, path.attr);
    if (def) return { schemaUrn: coreUrn, storage: [], def, common: false, extension: false };
    const common = findAttribute(COMMON_ATTRIBUTES, path.attr);
    return common && { schemaUrn: coreUrn, storage: [], def: common, common: true, extension: false };
  };
  const inExt = (ext: ExtensionBinding): Omit<ResolvedAttribute, 'sub'> | undefined => {
    const def = findAttribute(ext.schema.attributes, path.attr);
    return def && { schemaUrn: ext.schema.id, storage: ext.storage, def, common: false, extension: true };
  };
  if (path.uri !== undefined) {
    if (path.uri.toLowerCase() === coreUrn.toLowerCase()) {
      const found = inCore();
      return found && withSub(found, path.sub);
    }
    const ext = findExtension(resource, path.uri);
    const found = ext && inExt(ext);
    return found && withSub(found, path.sub);
  }
  const found = inCore() ?? resource.extensions.map(inExt).find((r) => r !== undefined);
  return found && withSub(found, path.sub);
}
