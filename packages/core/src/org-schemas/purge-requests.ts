import type { OrgSchemaRecord } from './org-schema-record.ts';
import type { SchemaPurgeRequest } from './org-schema-repository.ts';

/** One purge request per attribute a change adds to `purgedAttributeNames` (none for names purged before). */
export function purgeRequests(
  current: OrgSchemaRecord,
  purgedAfter: readonly string[],
  requestedAt: Date,
): SchemaPurgeRequest[] {
  const before = new Set(current.purgedAttributeNames.map((n) => n.toLowerCase()));
  return purgedAfter
    .filter((name) => !before.has(name.toLowerCase()))
    .map((attribute) => ({
      orgId: current.orgId,
      schemaId: current.id,
      storageKey: current.storageKey,
      attribute,
      requestedAt,
    }));
}
