import type { Principal } from '../auth/principal.ts';
import { AuditActorSchema } from './audit-event.ts';
import type { AuditActor } from './audit-event.ts';

/** The actor of a principal: the key and its owner, the web session's user, or the platform admin. */
export function actorOf(principal: Principal | null): AuditActor {
  if (!principal) return { type: 'system' };
  if (principal.kind === 'platform' || principal.session?.kind === 'platform') return { type: 'platform' };
  if (principal.session) return { type: 'session', userId: principal.session.userId };
  if (principal.keyId) return { type: 'key', keyId: principal.keyId, ownerId: principal.ownerId ?? null };
  return { type: 'system' };
}

/**
 * An actor as stored. Events written before web sessions had their own actor type show
 * one as a key without a key id: with an owner, an org admin's session (the owner is the
 * user); without, the platform admin's.
 */
export function readStoredActor(stored: unknown): AuditActor {
  const legacy = stored as { type?: unknown; keyId?: unknown; ownerId?: unknown } | null;
  if (legacy?.type === 'key' && !legacy.keyId)
    return typeof legacy.ownerId === 'string' ? { type: 'session', userId: legacy.ownerId } : { type: 'platform' };
  const parsed = AuditActorSchema.safeParse(stored);
  // Only this code writes actors; anything else would be a hand-made document.
  return parsed.success ? parsed.data : { type: 'system' };
}
