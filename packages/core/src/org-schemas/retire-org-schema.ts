import type { Clock } from '../clock.ts';
import { retryOnVersionConflict } from '../users/retry-on-version-conflict.ts';
import type { OrgSchemaRecord } from './org-schema-record.ts';
import type { OrgSchemaRepository } from './org-schema-repository.ts';
import { purgeRequests } from './purge-requests.ts';

export type RetireOrgSchemaOptions = {
  orgId: string;
  id: string;
  ifMatchVersion?: number | undefined;
  /** Delete every stored value of the schema too (the worker does it a minute later); also for a schema already retired. */
  deleteData?: boolean | undefined;
};

/**
 * Retires a schema: it leaves `/Schemas`, writes naming it are refused, its values stay
 * stored (invisible) unless `deleteData` purges every attribute. Its URN may be registered
 * again, under a new storage key.
 */
export async function retireOrgSchema(
  deps: { orgSchemas: OrgSchemaRepository; clock: Clock },
  { orgId, id, ifMatchVersion, deleteData = false }: RetireOrgSchemaOptions,
): Promise<OrgSchemaRecord> {
  return retryOnVersionConflict({
    what: `schema ${id}`,
    ...(ifMatchVersion !== undefined ? { ifMatchVersion } : {}),
    load: () => deps.orgSchemas.findById(orgId, id),
    attempt: async (current) => {
      const names = deleteData ? [...current.attributes, ...current.hiddenAttributes].map((a) => a.name) : [];
      const purged = [...current.purgedAttributeNames, ...names];
      const now = deps.clock.now();
      const purges = purgeRequests(current, purged, now);
      if (current.status === 'retired' && purges.length === 0) return current;
      // Recorded before the change, as in changeOrgSchema.
      await deps.orgSchemas.recordPurges(purges);
      // The definition stays readable (what was there); `purgedAttributeNames` says its values are going.
      const changes = purges.length ? { purgedAttributeNames: purged } : {};
      return deps.orgSchemas.update(orgId, id, current.version, { status: 'retired', ...changes }, now);
    },
  });
}
