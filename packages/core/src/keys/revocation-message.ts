import type { KeyRecord } from './key-record.ts';

const FIX =
  "Keys die with their owner: create a service account, create a key for it with the 'scim' scope, and paste that key into your identity provider.";

/** The 401 detail for a revoked key: what happened, when, and what to do. */
export function revocationMessage(
  key: Pick<KeyRecord, 'revokedAt' | 'revokedReason' | 'ownerType' | 'ownerId'>,
): string {
  const when = key.revokedAt ?? 'an earlier time';
  switch (key.revokedReason) {
    case 'owner_deactivated':
    case 'owner_deleted': {
      const how = key.revokedReason === 'owner_deleted' ? 'deleted' : 'deactivated';
      const owner = key.ownerType === 'user' ? `user ${key.ownerId}` : `service account ${key.ownerId}`;
      return `This application key was revoked at ${when} because its owner (${owner}) was deprovisioned (${how}). ${FIX}`;
    }
    case 'owner_demoted':
      return `This application key was revoked at ${when} because its owner (user ${key.ownerId}) lost the admin role, and a key never holds more rights than its owner. Use a key owned by a service account or a current admin.`;
    default:
      return `This application key was revoked at ${when}. Create a new key and update the client that uses it.`;
  }
}
