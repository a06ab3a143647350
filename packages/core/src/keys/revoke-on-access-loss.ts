import type { AuditActor } from '../audit/audit-event.ts';
import type { AuditCollector } from '../audit/audit-collector.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { newAuditEvent } from '../audit/new-audit-event.ts';
import { recordChange } from '../audit/record-change.ts';
import type { UserRole } from '../users/user-enums.ts';
import type { KeyRecord } from './key-record.ts';
import { revokeOwnerKeys } from './revoke-owner-keys.ts';
import type { AccessLoss, RevokeOwnerKeysDeps } from './revoke-owner-keys.ts';

type Standing = { status: string; role: UserRole };

/** The access a write took from the user, if any: deleted, newly deactivated, or no longer an admin. */
export function accessLoss(before: Standing | null, after: Standing | null): AccessLoss | null {
  if (!before) return null;
  if (!after) return 'owner_deleted';
  if (before.status !== 'deactivated' && after.status === 'deactivated') return 'owner_deactivated';
  return before.role === 'admin' && after.role !== 'admin' ? 'owner_demoted' : null;
}

const HAZARD_NOTE =
  "This key was used for SCIM in the last 30 days and died with its owner: SCIM provisioning now fails with 401. Org admins were emailed. Fix: create a service account, give it a 'scim' key, paste the key into the IdP.";

const NOTES: Record<AccessLoss, string> = {
  owner_deactivated: HAZARD_NOTE,
  owner_deleted: HAZARD_NOTE,
  owner_demoted:
    "This 'admin' key was revoked because its owner lost the admin role: a key never holds more rights than its owner. Whatever used it now gets 401. Org admins were emailed. Fix: give the tool a key owned by a service account or a current admin.",
};

export type AccessLossDeps = RevokeOwnerKeysDeps & {
  /** The ledger, for the event of each key the admins were alerted about. */
  ledger: AuditRepository;
  /** The request's audit collector (none: internal callers). */
  audit: AuditCollector | undefined;
  /** Who made the write that took the access. */
  actor: AuditActor;
  /** The key of the SCIM request making the write, if any: in SCIM use right now. */
  activeScimKeyId: string | undefined;
  requestId: string | null;
  /** Told which keys were revoked (ids only), for the process log. */
  onRevoked?: (info: { userId: string; reason: AccessLoss; revoked: string[]; alerted: number }) => void;
};

/**
 * Losing access revokes credentials, in the same request and before the response: a
 * deprovisioned user's keys all stop working, a demoted admin's `admin` keys do. Each
 * revoked key is part of this request's audit changes; each the admins were alerted
 * about also gets its own audit event.
 */
export async function revokeOnAccessLoss(
  deps: AccessLossDeps,
  { orgId, userId, reason }: { orgId: string; userId: string; reason: AccessLoss },
): Promise<KeyRecord[]> {
  const { revoked, alerted } = await revokeOwnerKeys(deps, {
    orgId,
    ownerId: userId,
    reason,
    activeScimKeyId: deps.activeScimKeyId,
  });
  for (const key of revoked) {
    const before = { revokedAt: null, revokedReason: null };
    recordChange(deps.audit, {
      resourceType: 'ApplicationKey',
      resourceId: key.id,
      before,
      after: { revokedAt: key.revokedAt, revokedReason: key.revokedReason },
    });
  }
  for (const key of alerted) {
    const event = newAuditEvent(deps.clock.now(), {
      orgId,
      surface: 'system',
      actor: deps.actor,
      action: 'key.revoked',
      resourceType: 'ApplicationKey',
      resourceId: key.id,
      outcome: 'success',
      changes: [
        {
          resourceType: 'ApplicationKey',
          resourceId: key.id,
          attribute: 'revokedReason',
          old: null,
          new: key.revokedReason,
        },
      ],
      notes: [NOTES[reason]],
      requestId: deps.requestId,
    });
    await deps.ledger.insert(event);
  }
  if (revoked.length) deps.onRevoked?.({ userId, reason, revoked: revoked.map((k) => k.id), alerted: alerted.length });
  return revoked;
}
