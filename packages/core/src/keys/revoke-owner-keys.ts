import type { Clock } from '../clock.ts';
import type { KeyAlerts } from './key-deps.ts';
import type { KeyRecord } from './key-record.ts';
import type { KeyRepository } from './key-repository.ts';

/** A key used on /scim/v2 this recently is presumed to be what the IdP sends. */
export const SCIM_KEY_RECENT_MS = 30 * 24 * 3600_000;

export type RevokeOwnerKeysOptions = {
  orgId: string;
  ownerId: string;
  /** Why the owner lost access. */
  reason: 'owner_deactivated' | 'owner_deleted';
  /** The key of the SCIM request doing this deprovisioning, if any: in SCIM use right now. */
  activeScimKeyId?: string | undefined;
};

export type RevokeOwnerKeysResult = {
  revoked: KeyRecord[];
  /** Those of `revoked` the IdP was using for SCIM: admins were alerted about each. */
  scimKeys: KeyRecord[];
};

export type RevokeOwnerKeysDeps = {
  keys: KeyRepository;
  clock: Clock;
  alerts: KeyAlerts;
  /** Told when an alert cannot be queued; the revocation stands regardless. */
  onAlertError?: (error: unknown, key: KeyRecord) => void;
};

/**
 * Deprovisioning revokes credentials, in the same request: every live key the owner
 * holds stops working at once. This is the documented hazard of a user-owned SCIM key,
 * so when one of them was in use for SCIM, the org's admins are told immediately.
 */
export async function revokeOwnerKeys(deps: RevokeOwnerKeysDeps, { orgId, ownerId, reason, activeScimKeyId }: RevokeOwnerKeysOptions): Promise<RevokeOwnerKeysResult> {
  const now = deps.clock.now();
  const revoked = await deps.keys.revokeByOwner(orgId, ownerId, { reason, now });
  const cutoff = now.getTime() - SCIM_KEY_RECENT_MS;
  const usedForScim = (k: KeyRecord) => k.id === activeScimKeyId || (k.lastScimUsedAt !== null && Date.parse(k.lastScimUsedAt) >= cutoff);
  const scimKeys = revoked.filter(usedForScim);
  for (const key of scimKeys) {
    await deps.alerts.keyRevoked({ orgId, keyId: key.id }).catch((error: unknown) => deps.onAlertError?.(error, key));
  }
  return { revoked, scimKeys };
}
