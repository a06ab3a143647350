import { z } from 'zod';
import { SCOPES } from '../auth/principal.ts';

/** Who controls a key: a person (dies with their account) or a service account. */
export const KEY_OWNER_TYPES = ['user', 'service_account'] as const;
export type KeyOwnerType = (typeof KEY_OWNER_TYPES)[number];

/** `owner_demoted`: the owner lost the admin role, which takes their `admin`-scoped keys (and only those). */
export const REVOCATION_REASONS = ['revoked', 'owner_deactivated', 'owner_deleted', 'owner_demoted'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** The last-use stamps of a key, kept apart from the key (the key document is written once and revoked once). */
export const KEY_USE_FIELDS = ['lastUsedAt', 'lastScimUsedAt'] as const;
export type KeyUseField = (typeof KEY_USE_FIELDS)[number];

/** A last-use stamp is written at most this often per key and field by each process. */
export const KEY_USE_INTERVAL_MS = 60_000;

/** An application key as listings show it: never the secret, never its hash. */
export const KeyRecordSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  ownerType: z.enum(KEY_OWNER_TYPES),
  ownerId: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  /** `pvk_<id>_…`: enough to recognise the key in an IdP's settings, nothing to use it. */
  hint: z.string(),
  created: z.iso.datetime(),
  /** Updated at most once a minute. */
  lastUsedAt: z.iso.datetime().nullable(),
  /** Last request on /scim/v2 with this key (also at most once a minute). */
  lastScimUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokedReason: z.enum(REVOCATION_REASONS).nullable(),
});
export type KeyRecord = z.infer<typeof KeyRecordSchema>;
