import { attr, complex } from './attribute-def.ts';
import type { AttributeDef } from './attribute-def.ts';

/**
 * RFC 7643 §3.1 common attributes. They belong to every resource but to no schema, so
 * `/Schemas` does not list them (as RFC 7643 §8.7 does); filters and projection know them.
 */
export const COMMON_ATTRIBUTES: readonly AttributeDef[] = [
  attr('id', 'string', {
    description: 'A unique identifier for a SCIM resource as defined by the service provider.',
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  attr('externalId', 'string', {
    description: 'An identifier for the resource as defined by the provisioning client.',
    caseExact: true,
  }),
  complex(
    'meta',
    [
      attr('resourceType', 'string', { caseExact: true, mutability: 'readOnly', description: 'The resource type.' }),
      attr('created', 'dateTime', { mutability: 'readOnly', description: 'When the resource was added.' }),
      attr('lastModified', 'dateTime', { mutability: 'readOnly', description: 'When the resource was last updated.' }),
      attr('location', 'reference', {
        caseExact: true,
        mutability: 'readOnly',
        description: 'The URI of the resource.',
      }),
      attr('version', 'string', {
        caseExact: true,
        mutability: 'readOnly',
        description: 'The version (ETag) of the resource.',
      }),
    ],
    { mutability: 'readOnly', description: 'Resource metadata.' },
  ),
];
