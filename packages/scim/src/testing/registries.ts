import { createSchemaRegistry } from '../schema/registry.ts';
import type { SchemaRegistry } from '../schema/registry.ts';

export const ACME_USER_URN = 'urn:acme:params:scim:schemas:extension:acme:2.0:User';
export const ACME_GROUP_URN = 'urn:acme:params:scim:schemas:extension:acme:2.0:Group';

/** Registries the fixtures name: `rfc` (no custom extension) and `custom` (an org's extensions). */
export const registries: Record<'rfc' | 'custom', SchemaRegistry> = {
  rfc: createSchemaRegistry(),
  custom: createSchemaRegistry({
    extensions: [
      {
        urn: ACME_USER_URN,
        name: 'AcmeUser',
        resourceType: 'User',
        storageKey: 'acme',
        attributes: [
          { name: 'badge', type: 'string', caseExact: true },
          { name: 'level', type: 'integer' },
          { name: 'remote', type: 'boolean' },
          { name: 'hiredAt', type: 'dateTime' },
          { name: 'secretNote', type: 'string', returned: 'request' },
          { name: 'tags', type: 'string', multiValued: true },
        ],
      },
      {
        urn: ACME_GROUP_URN,
        name: 'AcmeGroup',
        resourceType: 'Group',
        storageKey: 'acmeGroup',
        attributes: [{ name: 'costCode', type: 'string' }],
      },
    ],
  }),
};

/** Shape of the `error` member of a fixture. */
export type ExpectedError = { status: number; scimType?: string; message?: string };
