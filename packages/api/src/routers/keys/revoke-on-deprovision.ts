import { actorOf, newAuditEvent } from '@provisio/core/audit';
import { revokeOwnerKeys } from '@provisio/core/keys';
import type { KeyRecord } from '@provisio/core/keys';
import type { Context } from '../../context.ts';
import { accessDeps, keyAlertsOf } from '../audit/access-deps.ts';
import { recordChange } from '../audit/record-change.ts';

type Lifecycle = { id: string; status: string };

/** The transition, if this write deprovisioned the user: deleted, or newly deactivated. */
export function deprovisioning(before: Lifecycle | null, after: Lifecycle | null): 'owner_deleted' | 'owner_deactivated' | null {
  if (!before) return null;
  if (!after) return 'owner_deleted';
  return before.status !== 'deactivated' && after.status === 'deactivated' ? 'owner_deactivated' : null;
}

const HAZARD_NOTE =
  "This key was used for SCIM in the last 30 days and died with its owner: SCIM provisioning now fails with 401. Org admins were emailed. Fix: create a service account, give it a 'scim' key, paste the key into the IdP.";

/**
 * Deprovisioning revokes credentials, in the same request and before the response: every
 * key the user owns stops working. Each revoked key is part of this request's audit
 * changes; a key the IdP was using also gets its own audit event and an admin alert.
 */
export async function revokeOnDeprovision(ctx: Context, userId: string, reason: 'owner_deleted' | 'owner_deactivated'): Promise<KeyRecord[]> {
  const auth = ctx.auth;
  if (auth?.kind !== 'org') return [];
  const orgId = auth.orgId;
  // An IdP deprovisioning the owner of the very key it calls with: that key is in SCIM use.
  const activeScimKeyId = ctx.audit?.writtenBy === 'http' ? auth.keyId : undefined;
  const onAlertError = (err: unknown, key: KeyRecord) => ctx.logger.error({ err, orgId, keyId: key.id }, 'key revoked alert not queued');
  const { revoked, scimKeys } = await revokeOwnerKeys({ ...accessDeps(ctx), alerts: keyAlertsOf(ctx), onAlertError }, { orgId, ownerId: userId, reason, activeScimKeyId });
  for (const key of revoked) {
    const before = { revokedAt: null, revokedReason: null };
    recordChange({ audit: ctx.audit }, { resourceType: 'ApplicationKey', resourceId: key.id, before, after: { revokedAt: key.revokedAt, revokedReason: key.revokedReason } });
  }
  for (const key of scimKeys) {
    const event = newAuditEvent(ctx.clock.now(), {
      orgId,
      surface: 'system',
      actor: actorOf(auth),
      action: 'key.revoked',
      resourceType: 'ApplicationKey',
      resourceId: key.id,
      outcome: 'success',
      changes: [{ resourceType: 'ApplicationKey', resourceId: key.id, attribute: 'revokedReason', old: null, new: key.revokedReason }],
      notes: [HAZARD_NOTE],
      requestId: ctx.requestId ?? null,
    });
    await ctx.db.audit.insert(event);
  }
  if (revoked.length) ctx.logger.info({ orgId, userId, revoked: revoked.map((k) => k.id), scimKeys: scimKeys.length }, 'keys revoked on deprovisioning');
  return revoked;
}
