import type { AuditEvent } from './audit-event.ts';
import type { AuditFilter, AuditRepository } from './audit-repository.ts';

export const MAX_AUDIT_PAGE = 500;

/** The org's ledger, newest first, filtered; `before` pages backwards. */
export function listAuditEvents(
  deps: { audit: AuditRepository },
  { orgId, ...filter }: AuditFilter & { orgId: string },
): Promise<AuditEvent[]> {
  return deps.audit.list(orgId, { ...filter, limit: Math.min(Math.max(filter.limit, 1), MAX_AUDIT_PAGE) });
}
