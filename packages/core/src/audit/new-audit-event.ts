import { uuidV7 } from '../ids/uuid-v7.ts';
import type { AuditEvent } from './audit-event.ts';

type Required = Pick<AuditEvent, 'orgId' | 'surface' | 'actor' | 'action' | 'outcome'>;

/** An event with every optional field null/empty unless given; the id sorts by `at`. */
export function newAuditEvent(at: Date, fields: Required & Partial<Omit<AuditEvent, 'id' | 'at'>>): AuditEvent {
  return {
    id: uuidV7(at.getTime()),
    at: at.toISOString(),
    userAgent: null,
    address: null,
    method: null,
    path: null,
    resourceType: null,
    resourceId: null,
    status: null,
    changes: [],
    notes: [],
    requestId: null,
    durationMs: null,
    ...fields,
  };
}
