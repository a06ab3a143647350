import type { OrgAttribute, OrgSchemaRecord } from '@provisio/core/org-schemas';
import { extensionKeyPrefix } from '../users/extension-keys.ts';
import type { FieldTarget, PathResolver, ScalarType, Target } from './targets.ts';

type Simple = Pick<OrgAttribute, 'name' | 'type' | 'caseExact'>;

const SCALAR: Record<Exclude<OrgAttribute['type'], 'complex'>, ScalarType> = {
  string: 'string',
  reference: 'string',
  // Stored as sent (ISO 8601 text): compared as text, exact.
  dateTime: 'string',
  boolean: 'boolean',
  integer: 'number',
  decimal: 'number',
};

const byName = <T extends { name: string }>(list: readonly T[], name: string) =>
  list.find((a) => a.name.toLowerCase() === name.toLowerCase());

/**
 * A leaf of an org extension. caseExact values are compared on the stored attribute, the
 * others on the normalised `search` mirror; string equality reads `extKeys` (top level,
 * index-served on FerretDB too) and never the whole org.
 */
function leaf(storageKey: string, def: Simple, parent?: string): FieldTarget | undefined {
  if (def.type === 'complex') return undefined;
  const path = parent === undefined ? def.name : `${parent}.${def.name}`;
  const type = SCALAR[def.type];
  const caseExact = def.caseExact || def.type === 'dateTime' || def.type === 'reference';
  return {
    kind: 'field',
    field: `${caseExact ? 'attributes' : 'search'}.extensions.${storageKey}.${path}`,
    type,
    caseExact,
    ...(type === 'string'
      ? {
          equalityKey: {
            field: 'extKeys',
            prefix:
              parent === undefined
                ? extensionKeyPrefix(storageKey, def.name)
                : extensionKeyPrefix(storageKey, parent, def.name),
          },
        }
      : {}),
  };
}

/** Paths of the org's visible extension attributes; `undefined` for anything else (hidden ones too). */
export function extensionPathResolver(schemas: readonly OrgSchemaRecord[]): PathResolver {
  return ({ uri, attr, sub }): Target | undefined => {
    const candidates = uri === undefined ? schemas : schemas.filter((s) => s.urn.toLowerCase() === uri.toLowerCase());
    for (const schema of candidates) {
      const def = byName(schema.attributes, attr);
      if (!def) continue;
      if (def.type !== 'complex') return sub === undefined ? leaf(schema.storageKey, def) : undefined;
      const subTarget = (name: string) => {
        const subDef = byName(def.subAttributes, name);
        return subDef && leaf(schema.storageKey, subDef, def.name);
      };
      if (sub !== undefined) return subTarget(sub);
      return {
        kind: 'complex',
        field: `search.extensions.${schema.storageKey}.${def.name}`,
        multiValued: def.multiValued,
        sub: subTarget,
      };
    }
    return undefined;
  };
}
