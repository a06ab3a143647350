import type { Clock } from '../clock.ts';
import type { KeyAlerts } from './key-deps.ts';
import type { KeyRecord } from './key-record.ts';
import type { KeyRepository } from './key-repository.ts';

/** A key used on /scim/v2 this recently is presumed to be what the IdP sends. */
export const SCIM_KEY_RECENT_MS = 30 * 24 * 3600_000;

/** Why an owner lost access: deprovisioned (deactivated, deleted), or no longer an admin. */
export type AccessLoss = 'owner_deactivated' | 'owner_deleted' | 'owner_demoted';

export type RevokeOwnerKeysOptions = {
  orgId: string;
  ownerId: string;
  reason: AccessLoss;
  /** The key of the SCIM request doing this, if any: in SCIM use right now. */
  activeScimKeyId?: string | undefined;
};

export type RevokeOwnerKeysResult = {
  revoked: KeyRecord[];
  /** Those of `revoked` the org's admins were alerted about. */
  alerted: KeyRecord[];
};

export type RevokeOwnerKeysDeps = {
  keys: KeyRepository;
  clock: Clock;
  alerts: KeyAlerts;
  /** Told when an alert cannot be queued; the revocation stands regardless. */
  onAlertError?: (error: unknown, key: KeyRecord) => void;
};

/**
 * Losing access revokes credentials, in the same request. A deprovisioned owner's keys all
 * stop working; an owner who lost the admin role loses the keys that grant `admin` (a
 * key never holds more rights than its owner), and keeps the others. The org's admins are
 * told at once about every key whose loss could break something silently: a deprovisioned
 * owner's key the IdP was using for SCIM (the documented hazard of a user-owned SCIM key),
 * and every admin key a demotion took.
 */
export async function revokeOwnerKeys(
  deps: RevokeOwnerKeysDeps,
  { orgId, ownerId, reason, activeScimKeyId }: RevokeOwnerKeysOptions,
): Promise<RevokeOwnerKeysResult> {
  const now = deps.clock.now();
  const demoted = reason === 'owner_demoted';
  const revoked = await deps.keys.revokeByOwner(orgId, ownerId, {
    reason,
    now,
    ...(demoted ? { scope: 'admin' as const } : {}),
  });
  const cutoff = now.getTime() - SCIM_KEY_RECENT_MS;
  const usedForScim = (k: KeyRecord) =>
    k.id === activeScimKeyId || (k.lastScimUsedAt !== null && Date.parse(k.lastScimUsedAt) >= cutoff);
  const alerted = demoted ? revoked : revoked.filter(usedForScim);
  for (const key of alerted) {
    await deps.alerts.keyRevoked({ orgId, keyId: key.id }).catch((error: unknown) => deps.onAlertError?.(error, key));
  }
  return { revoked, alerted };
}
