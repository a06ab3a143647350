import type { AuditEvent, AuditOutcome } from './audit-event.ts';

export type AuditFilter = {
  resourceType?: string;
  resourceId?: string;
  /** A key id, the id of a key's owner, the user of a web session, or the account a failed sign-in named. */
  actorId?: string;
  from?: Date;
  to?: Date;
  outcome?: AuditOutcome;
  /** Events older than this event id (ids are time-ordered): the next page. */
  before?: string;
  limit: number;
};

/** The provisioning ledger. Append-only except for the retention sweep. */
export interface AuditRepository {
  insert(event: AuditEvent): Promise<void>;
  /** Several events in one write (the SCIM ledger's batches); an event already stored is not an error. */
  insertMany(events: readonly AuditEvent[]): Promise<void>;
  /** Newest first. */
  list(orgId: string, filter: AuditFilter): Promise<AuditEvent[]>;
  /** Deletes up to `limit` of the oldest events older than `before`, across orgs; returns how many. */
  deleteBefore(before: Date, limit: number): Promise<number>;
}
