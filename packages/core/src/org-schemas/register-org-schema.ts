import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { ORG_SCHEMA_LIMITS } from './org-schema-definition.ts';
import type { OrgSchemaDefinition } from './org-schema-definition.ts';
import type { OrgSchemaRecord } from './org-schema-record.ts';
import type { OrgSchemaRepository } from './org-schema-repository.ts';
import { assertFitsOrg } from './org-schema-rules.ts';

export type RegisterOrgSchemaOptions = { orgId: string; definition: OrgSchemaDefinition };

/** A storage key of its own per registration: a re-registered URN never sees a retired one's values. */
const newStorageKey = () => `x${randomBytes(8).toString('hex')}`;

/** Registers an extension schema for the org's users; its attributes are usable at once over SCIM. */
export async function registerOrgSchema(
  deps: { orgSchemas: OrgSchemaRepository; clock: Clock },
  { orgId, definition }: RegisterOrgSchemaOptions,
): Promise<OrgSchemaRecord> {
  const active = await deps.orgSchemas.list(orgId);
  if (active.length >= ORG_SCHEMA_LIMITS.schemas)
    throw new AppError('BAD_REQUEST', {
      message: `an org has at most ${ORG_SCHEMA_LIMITS.schemas} active extension schemas; retire one first`,
      scimType: 'tooMany',
    });
  assertFitsOrg(active, definition);
  return deps.orgSchemas.insert({
    ...definition,
    id: uuidV7(),
    orgId,
    storageKey: newStorageKey(),
    hiddenAttributes: [],
    purgedAttributeNames: [],
    now: deps.clock.now(),
  });
}
