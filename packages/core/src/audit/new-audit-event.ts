import type { Principal } from '../auth/principal.ts';
import { uuidV7 } from '../ids/uuid-v7.ts';
import type { AuditActor, AuditEvent } from './audit-event.ts';

/** The actor of a principal: the key and its owner, or the platform admin. */
export function actorOf(principal: Principal | null): AuditActor {
  if (!principal) return { type: 'system', keyId: null, ownerId: null };
  if (principal.kind === 'platform') return { type: 'platform', keyId: null, ownerId: null };
  return { type: 'key', keyId: principal.keyId ?? null, ownerId: principal.ownerId ?? null };
}

type Required = Pick<AuditEvent, 'orgId' | 'surface' | 'actor' | 'action' | 'outcome'>;

/** An event with every optional field null/empty unless given; the id sorts by `at`. */
export function newAuditEvent(at: Date, fields: Required & Partial<Omit<AuditEvent, 'id' | 'at'>>): AuditEvent {
  return {
    id: uuidV7(at.getTime()),
    at: at.toISOString(),
    userAgent: null,
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
