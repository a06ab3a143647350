import { URNS } from './catalog.ts';
import { metaTarget } from './catalog.ts';
import { metaComplex } from './resolve-user-path.ts';
import type { PathResolver, RowsTarget } from './targets.ts';

const membersRows = (subName: string | undefined): RowsTarget => ({
  kind: 'rows',
  resultKey: 'groupId',
  subName,
  sub: (name) => {
    switch (name.toLowerCase()) {
      case 'value':
        return { kind: 'field', field: 'memberId', type: 'string', caseExact: true };
      case 'display':
        return { kind: 'field', field: 'displayKey', type: 'string', caseExact: false };
      case 'type':
        return { kind: 'const', value: 'User', caseExact: false };
      default:
        return undefined;
    }
  },
});

/** Group paths → storage: `displayName` via its normalised key, `members` via member rows. */
export const resolveGroupPath: PathResolver = ({ uri, attr, sub }) => {
  if (uri !== undefined && uri.toLowerCase() !== URNS.group) return undefined;
  const plain = sub === undefined;
  switch (attr.toLowerCase()) {
    case 'id':
      return plain ? { kind: 'field', field: '_id', type: 'string', caseExact: true } : undefined;
    case 'externalid':
      return plain ? { kind: 'field', field: 'externalId', type: 'string', caseExact: true } : undefined;
    case 'displayname':
      return plain ? { kind: 'field', field: 'displayNameKey', type: 'string', caseExact: false } : undefined;
    case 'meta':
      return plain ? metaComplex('Group') : metaTarget('Group', sub);
    case 'members': {
      const rows = membersRows(sub);
      return plain || rows.sub(sub) ? rows : undefined;
    }
    default:
      return undefined;
  }
};
