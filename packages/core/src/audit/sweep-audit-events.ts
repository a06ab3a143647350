import type { Clock } from '../clock.ts';
import { AUDIT_RETENTION_DAYS } from './audit-event.ts';
import type { AuditRepository } from './audit-repository.ts';

/**
 * Deletes events past retention, in batches so one sweep never holds the database long.
 * FerretDB has no TTL index, so this runs on a timer in the worker (idempotent, any
 * number of workers may run it).
 */
export async function sweepAuditEvents(
  deps: { audit: AuditRepository; clock: Clock },
  { batch = 1_000, maxBatches = 100 } = {},
): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - AUDIT_RETENTION_DAYS * 24 * 3600_000);
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const deleted = await deps.audit.deleteBefore(before, batch);
    total += deleted;
    if (deleted < batch) break;
  }
  return total;
}
