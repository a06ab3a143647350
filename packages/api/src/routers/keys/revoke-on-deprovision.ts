import { actorOf, newAuditEvent } from '@provisio/core/audit';
import { revokeOwnerKeys } from '@provisio/core/keys';
import type { AccessLoss, KeyRecord } from '@provisio/core/keys';
import type { UserRole } from '@provisio/core';
import type { Context } from '../../context.ts';
import { accessDeps, keyAlertsOf } from '../audit/access-deps.ts';
import { recordChange } from '../audit/record-change.ts';

type Standing = { id: string; status: string; role: UserRole };

/** The access this write took from the user, if any: deleted, newly deactivated, or no longer an admin. */
export function deprovisioning(before: Standing | null, after: Standing | null): AccessLoss | null {
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

/**
 * Losing access revokes credentials, in the same request and before the response: a
 * deprovisioned user's keys all stop working, a demoted admin's `admin` keys do. Each
 * revoked key is part of this request's audit changes; each the admins were alerted
 * about also gets its own audit event.
 */
export async function revokeOnDeprovision(ctx: Context, userId: string, reason: AccessLoss): Promise<KeyRecord[]> {
  const auth = ctx.auth;
  if (auth?.kind !== 'org') return [];
  const orgId = auth.orgId;
  // An IdP changing the owner of the very key it calls with: that key is in SCIM use.
  const activeScimKeyId = ctx.audit?.writtenBy === 'http' ? auth.keyId : undefined;
  const onAlertError = (err: unknown, key: KeyRecord) => ctx.logger.error({ err, orgId, keyId: key.id }, 'key revoked alert not queued');
  const { revoked, alerted } = await revokeOwnerKeys({ ...accessDeps(ctx), alerts: keyAlertsOf(ctx), onAlertError }, { orgId, ownerId: userId, reason, activeScimKeyId });
  for (const key of revoked) {
    const before = { revokedAt: null, revokedReason: null };
    recordChange({ audit: ctx.audit }, { resourceType: 'ApplicationKey', resourceId: key.id, before, after: { revokedAt: key.revokedAt, revokedReason: key.revokedReason } });
  }
  for (const key of alerted) {
    const event = newAuditEvent(ctx.clock.now(), {
      orgId,
      surface: 'system',
      actor: actorOf(auth),
      action: 'key.revoked',
      resourceType: 'ApplicationKey',
      resourceId: key.id,
      outcome: 'success',
      changes: [{ resourceType: 'ApplicationKey', resourceId: key.id, attribute: 'revokedReason', old: null, new: key.revokedReason }],
      notes: [NOTES[reason]],
      requestId: ctx.requestId ?? null,
    });
    await ctx.db.audit.insert(event);
  }
  if (revoked.length) ctx.logger.info({ orgId, userId, reason, revoked: revoked.map((k) => k.id), alerted: alerted.length }, 'keys revoked on loss of access');
  return revoked;
}
