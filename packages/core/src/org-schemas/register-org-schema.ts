import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import { conflictBackoff } from '../users/retry-on-version-conflict.ts';
import { ORG_SCHEMA_LIMITS } from './org-schema-definition.ts';
import type { OrgSchemaDefinition } from './org-schema-definition.ts';
import type { OrgSchemaRecord } from './org-schema-record.ts';
import type { OrgSchemaRepository } from './org-schema-repository.ts';
import { assertFitsOrg } from './org-schema-rules.ts';

export type RegisterOrgSchemaOptions = { orgId: string; definition: OrgSchemaDefinition };
/** A storage key of its own per registration: a re-registered URN never sees a retired one's values. */
const newStorageKey = () => `x${randomBytes(8).toString('hex')}`;
/** Rounds a registration that lost a race for the last slots tries again before giving up. */
const ATTEMPTS = 3;

const tooMany = (raced: boolean) =>
  new AppError('BAD_REQUEST', {
    message: `an org has at most ${ORG_SCHEMA_LIMITS.schemas} active extension schemas; retire one first${
      raced ? ' (other registrations raced this one for the last place: try again)' : ''
    }`,
    scimType: 'tooMany',
  });

/**
 * Registers an extension schema for the org's users; its attributes are usable at once over SCIM.
 *
 * The bound on active schemas holds across replicas without a transaction: insert, then count
 * again. A registration that then sees more than the bound retires its own record and retries.
 * Whichever insert came last always sees every earlier one, so the last one over the bound
 * always backs out; two may both back out (neither is kept), never both stay.
 */
export async function registerOrgSchema(
  deps: { orgSchemas: OrgSchemaRepository; clock: Clock },
  { orgId, definition }: RegisterOrgSchemaOptions,
): Promise<OrgSchemaRecord> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const active = await deps.orgSchemas.list(orgId);
    if (active.length >= ORG_SCHEMA_LIMITS.schemas) throw tooMany(attempt > 0);
    assertFitsOrg(active, definition);
    const schema = await deps.orgSchemas.insert({
      ...definition,
      id: uuidV7(),
      orgId,
      storageKey: newStorageKey(),
      hiddenAttributes: [],
      purgedAttributeNames: [],
      now: deps.clock.now(),
    });
    if ((await deps.orgSchemas.list(orgId)).length <= ORG_SCHEMA_LIMITS.schemas) return schema;
    // Over the bound: this record backs out (retired at once: nothing was told about it yet).
    await deps.orgSchemas.update(orgId, schema.id, schema.version, { status: 'retired' }, deps.clock.now());
    await conflictBackoff(attempt);
  }
  throw tooMany(true);
}
