import type { AuditCollector } from './audit-collector.ts';
import { diffRecords } from './diff-records.ts';

export type RecordChangeOptions = {
  resourceType: string;
  resourceId: string;
  /** The resource before (null: created). */
  before: unknown;
  /** The resource after (null: deleted). */
  after: unknown;
};

/**
 * Appends what changed to the request's audit collector (secrets skipped by the diff),
 * and makes the resource the event's subject unless one is set. No collector (internal
 * callers, tests without HTTP): nothing to do.
 */
export function recordChange(
  audit: AuditCollector | undefined,
  { resourceType, resourceId, before, after }: RecordChangeOptions,
): void {
  if (!audit) return;
  audit.subject ??= { resourceType, resourceId };
  audit.record(diffRecords({ resourceType, resourceId }, before, after));
}
