import type { AuditChange } from './audit-event.ts';

/**
 * What one request (SCIM) or one mutation (tRPC) changed, gathered while it runs and
 * written once, as one audit event, when it ends. Procedures append; they never write.
 */
export type AuditCollector = {
  /** `http`: the SCIM adapter writes the event when the response finishes. `procedure`: the tRPC middleware does. */
  readonly writtenBy: 'http' | 'procedure';
  readonly userAgent: string | null;
  readonly changes: AuditChange[];
  readonly notes: string[];
  /** The resource the request was about, when the path does not say (a POST's new id). */
  subject: { resourceType: string; resourceId: string } | null;
  record(changes: readonly AuditChange[]): void;
  note(text: string): void;
};

export function createAuditCollector(options: {
  writtenBy: 'http' | 'procedure';
  userAgent?: string | null;
}): AuditCollector {
  const collector: AuditCollector = {
    writtenBy: options.writtenBy,
    userAgent: options.userAgent ?? null,
    changes: [],
    notes: [],
    subject: null,
    record(changes) {
      collector.changes.push(...changes);
    },
    note(text) {
      // A PATCH re-applied after a lost race notes the same thing again.
      if (!collector.notes.includes(text)) collector.notes.push(text);
    },
  };
  return collector;
}
