import { ENTERPRISE, lookup, metaTarget, storedTarget, URNS, USER_CORE } from './catalog.ts';
import type { AttrDef } from './catalog.ts';
import type { ComplexTarget, PathResolver, RowsTarget, Target } from './targets.ts';

function inDefs(
  defs: Record<string, AttrDef>,
  prefix: string,
  attr: string,
  sub: string | undefined,
): Target | undefined {
  const found = lookup(defs, attr);
  if (!found) return undefined;
  const target = storedTarget(prefix, found[0], found[1]);
  if (sub === undefined) return target;
  return target.kind === 'complex' ? target.sub(sub) : undefined;
}

/** `meta` itself: always present (`createdAt` always exists); its subs via metaTarget. */
export const metaComplex = (resourceType: string): ComplexTarget => ({
  kind: 'complex',
  field: 'createdAt',
  multiValued: false,
  sub: (name) => metaTarget(resourceType, name),
});

/** A user's `groups` are its membership rows; only `value` (the group id) is filterable. */
const groupsRows = (subName: string | undefined): RowsTarget => ({
  kind: 'rows',
  resultKey: 'memberId',
  subName,
  sub: (name) => {
    const lower = name.toLowerCase();
    if (lower === 'value')
      // Group ids are lower-case UUIDs, so the normalised literal compares exactly (schema: caseExact false).
      if (lower === 'value') return { kind: 'field', field: 'groupId', type: 'string', caseExact: false };
    return lower === 'type' ? { kind: 'const', value: 'direct', caseExact: false } : undefined;
  },
});

/**
 * User paths → storage. Case-insensitive comparisons read normalised copies: `userNameKey`
 * and the `search` mirror of the attributes; `id`/`externalId` are case-exact fields.
 * `password` and org extensions are not filterable (→ invalidFilter).
 */
export const resolveUserPath: PathResolver = ({ uri, attr, sub }) => {
  const urn = uri?.toLowerCase();
  if (urn === URNS.enterprise) return inDefs(ENTERPRISE, 'search.enterprise', attr, sub);
  if (urn !== undefined && urn !== URNS.user) return undefined;
  const plain = sub === undefined;
  switch (attr.toLowerCase()) {
    case 'id':
      return plain ? { kind: 'field', field: '_id', type: 'string', caseExact: true } : undefined;
    case 'externalid':
      return plain ? { kind: 'field', field: 'externalId', type: 'string', caseExact: true } : undefined;
    case 'username':
      return plain ? { kind: 'field', field: 'userNameKey', type: 'string', caseExact: false } : undefined;
    case 'active':
      return plain ? { kind: 'active' } : undefined;
    case 'meta':
      return plain ? metaComplex('User') : metaTarget('User', sub);
    case 'groups': {
      const rows = groupsRows(sub);
      return plain || rows.sub(sub) ? rows : undefined;
    }
  }
  return (
    inDefs(USER_CORE, 'search', attr, sub) ??
    (urn === undefined ? inDefs(ENTERPRISE, 'search.enterprise', attr, sub) : undefined)
  );
};
