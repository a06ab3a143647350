import { createTimedBatch } from '@provisio/core';
import type { AuditEvent, AuditRepository } from '@provisio/core/audit';
import type { Logger } from '@provisio/logger';

export type AuditBatchOptions = {
  audit: AuditRepository;
  logger: Logger;
  /** How long an event may wait for others to share its write. */
  maxDelayMs?: number;
  /** A batch this big is written at once. */
  maxEvents?: number;
};

/**
 * The SCIM ledger's writer: events of requests already answered are written together, one
 * `insertMany` per batch instead of one round trip per request. `flush` writes what is
 * waiting (the server's stop calls it).
 */
export function createAuditBatch({ audit, logger, maxDelayMs = 100, maxEvents = 100 }: AuditBatchOptions) {
  return createTimedBatch<AuditEvent>({
    maxDelayMs,
    maxItems: maxEvents,
    send: (events) =>
      audit
        .insertMany(events)
        .catch((err: unknown) =>
          logger.error(
            { err, events: events.length, orgIds: [...new Set(events.map((e) => e.orgId))] },
            'scim audit events not written',
          ),
        ),
  });
}

export type AuditBatch = ReturnType<typeof createAuditBatch>;
