import type { OrgSchemaRecord } from './org-schema-record.ts';

export type NewOrgSchema = Omit<OrgSchemaRecord, 'version' | 'created' | 'lastModified' | 'status'> & { now: Date };
export type OrgSchemaChanges = Partial<
  Pick<OrgSchemaRecord, 'name' | 'description' | 'attributes' | 'hiddenAttributes' | 'purgedAttributeNames' | 'status'>
>;

/** Storage of org extension schemas; every method is scoped by `orgId`. */
export interface OrgSchemaRepository {
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
