import type { Scope } from '../auth/principal.ts';
import type { KeyOwnerType, KeyRecord, KeyUseField, RevocationReason } from './key-record.ts';

export type NewKey = {
  id: string;
  name: string;
  ownerType: KeyOwnerType;
  ownerId: string;
  scopes: readonly Scope[];
  /** SHA-256 of the secret; the secret itself is never stored. */
  secretHash: string;
  now: Date;
};

/** Storage of application keys. Everything is org-scoped except the auth lookup. */
export interface KeyRepository {
  insert(orgId: string, key: NewKey): Promise<KeyRecord>;
  /** By id alone: authentication learns the org from the key. Its last-use stamps are not read (auth needs none). */
  findForAuth(keyId: string): Promise<{ key: KeyRecord; secretHash: string } | null>;
  findById(orgId: string, keyId: string): Promise<KeyRecord | null>;
  list(orgId: string, filter: { ownerId?: string; includeRevoked?: boolean }): Promise<KeyRecord[]>;
  /** Revokes one live key; null when there is none (unknown or already revoked). */
  revoke(orgId: string, keyId: string, revocation: { reason: RevocationReason; now: Date }): Promise<KeyRecord | null>;
  /** Revokes every live key of the owner (with `scope`: those granting it); returns those it revoked. */
  revokeByOwner(
    orgId: string,
    ownerId: string,
    revocation: { reason: RevocationReason; now: Date; scope?: Scope },
  ): Promise<KeyRecord[]>;
  /**
   * Notes a use of the key in `field`, apart from the key document (so a stamp can never
   * undo a revocation), at most once per `KEY_USE_INTERVAL_MS` per key and field in this
   * process; a later stamp never goes back in time.
   */
  noteUse(orgId: string, keyId: string, use: { field: KeyUseField; now: Date }): Promise<void>;
}
