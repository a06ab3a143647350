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
 * The SCIM ledger's writer: events of requests already answered are written together,
 * one `insertMany` per batch, at most `maxDelayMs` after the first of them, instead of one
 * round trip per request. `flush` writes what is waiting (the server's stop calls it).
 */
export function createAuditBatch({ audit, logger, maxDelayMs = 20, maxEvents = 100 }: AuditBatchOptions) {
  let waiting: AuditEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = [];
    if (batch.length) {
      const written = audit
        .insertMany(batch)
        .catch((err: unknown) =>
          logger.error(
            { err, events: batch.length, orgIds: [...new Set(batch.map((e) => e.orgId))] },
            'scim audit events not written',
          ),
        )
        .finally(() => inFlight.delete(written));
      inFlight.add(written);
    }
    return Promise.all(inFlight).then(() => undefined);
  }

  return {
    add(event: AuditEvent): void {
      waiting.push(event);
      if (waiting.length >= maxEvents) void flush();
      else timer ??= setTimeout(() => void flush(), maxDelayMs);
    },
    flush,
  };
}

export type AuditBatch = ReturnType<typeof createAuditBatch>;
