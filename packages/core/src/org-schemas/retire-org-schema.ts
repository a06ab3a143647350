import type { Clock } from '../clock.ts';
import { retryOnVersionConflict } from '../users/retry-on-version-conflict.ts';
import type { OrgSchemaRecord } from './org-schema-record.ts';
import type { OrgSchemaRepository } from './org-schema-repository.ts';

/**
 * Retires a schema: it leaves `/Schemas`, writes naming it are refused, its values stay
 * stored (invisible). Its URN may be registered again, under a new storage key.
 */
export async function retireOrgSchema(
  deps: { orgSchemas: OrgSchemaRepository; clock: Clock },
  { orgId, id, ifMatchVersion }: { orgId: string; id: string; ifMatchVersion?: number | undefined },
): Promise<OrgSchemaRecord> {
  return retryOnVersionConflict({
    what: `schema ${id}`,
    ...(ifMatchVersion !== undefined ? { ifMatchVersion } : {}),
    load: () => deps.orgSchemas.findById(orgId, id),
    attempt: async (current) =>
      current.status === 'retired'
        ? current
        : deps.orgSchemas.update(orgId, id, current.version, { status: 'retired' }, deps.clock.now()),
  });
}
