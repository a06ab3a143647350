import type { OrgSchemaRecord } from './org-schema-record.ts';

export type NewOrgSchema = Omit<OrgSchemaRecord, 'version' | 'created' | 'lastModified' | 'status'> & { now: Date };
export type OrgSchemaChanges = Partial<
  Pick<OrgSchemaRecord, 'name' | 'description' | 'attributes' | 'hiddenAttributes' | 'purgedAttributeNames' | 'status'>
>;

/**
 * An admin's request to delete the stored values of one attribute (`deleteData`): the worker
 * removes them from every user of the org later (see `runSchemaPurges` in `@provisio/db`).
 */
export type SchemaPurgeRequest = {
  orgId: string;
  schemaId: string;
  storageKey: string;
  /** The attribute's name as the schema spells it. */
  attribute: string;
  requestedAt: Date;
};

/** Storage of org extension schemas; every method is scoped by `orgId`. */
export interface OrgSchemaRepository {
  /**
   * Records pending purges, idempotently (one per schema and attribute). Written before the
   * schema change that purges them: the worker runs one only once the schema says so.
   */
  recordPurges(purges: readonly SchemaPurgeRequest[]): Promise<void>;
  /** @throws AppError CONFLICT when the org has an active schema with this URN (case-insensitively). */
  insert(schema: NewOrgSchema): Promise<OrgSchemaRecord>;
  /** Oldest first; retired ones only when asked. */
  list(orgId: string, options?: { includeRetired?: boolean }): Promise<OrgSchemaRecord[]>;
  findById(orgId: string, id: string): Promise<OrgSchemaRecord | null>;
  /** Writes `changes` as version `version + 1`; null when the schema is no longer at `version`. */
  update(
    orgId: string,
    id: string,
    version: number,
    changes: OrgSchemaChanges,
    now: Date,
  ): Promise<OrgSchemaRecord | null>;
}
