import { attr, complex } from './attribute-def.ts';
import type { SchemaDef } from './attribute-def.ts';
import { URN } from './urns.ts';

/** RFC 7643 §4.2 / §8.7.1: the core Group schema. */
export const CORE_GROUP_SCHEMA: SchemaDef = {
  id: URN.group,
  name: 'Group',
  description: 'Group',
  attributes: [
    attr('displayName', 'string', { description: 'A human-readable name for the Group.', required: true }),
    complex(
      'members',
      [
        attr('value', 'string', { description: 'Identifier of the member.', mutability: 'immutable', caseExact: true }),
        attr('$ref', 'reference', {
          description: 'The URI of the member resource.',
          mutability: 'immutable',
          referenceTypes: ['User', 'Group'],
        }),
        attr('display', 'string', { description: 'A human-readable name for the member.', mutability: 'immutable' }),
        attr('type', 'string', {
          description: 'The type of the member.',
          mutability: 'immutable',
          canonicalValues: ['User', 'Group'],
        }),
      ],
      { multiValued: true, description: 'A list of members of the Group.' },
    ),
  ],
};
