import { z } from 'zod';

export const AUDIT_OUTCOMES = ['success', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
/** `web`: the web app's session endpoints (sign-in). */
export const AUDIT_SURFACES = ['scim', 'trpc', 'web', 'system'] as const;

/** How long the ledger keeps an event (a sweeper deletes older ones: no TTL index on FerretDB). */
export const AUDIT_RETENTION_DAYS = 90;

/** One attribute of one resource, before and after. Secrets never appear (see `diffRecords`). */
export const AuditChangeSchema = z.object({
  resourceType: z.string(),
  resourceId: z.string(),
  attribute: z.string(),
  old: z.unknown(),
  new: z.unknown(),
});
export type AuditChange = z.infer<typeof AuditChangeSchema>;

/** Who acted: each credential type says so explicitly (older events are read by `readStoredActor`). */
export const AuditActorSchema = z.discriminatedUnion('type', [
  /** An application key; `ownerId` is the user or service account that owns it. */
  z.object({ type: z.literal('key'), keyId: z.string(), ownerId: z.string().nullable() }),
  /** An org admin signed in to the web app. */
  z.object({ type: z.literal('session'), userId: z.string() }),
  /** The platform admin: its token, or its web session acting in an org it picked. */
  z.object({ type: z.literal('platform') }),
  /** The service itself (the worker's sweeps, in-process callers without a credential). */
  z.object({ type: z.literal('system') }),
  /** Someone not signed in, naming an account (normalised; null: they tried the platform admin token). */
  z.object({ type: z.literal('anonymous'), account: z.string().nullable() }),
]);

/**
 * The ledger of events that belong to no org (a sign-in naming no admin account, a wrong
 * platform admin token): stored under this org id, which no org has (org ids are UUIDs).
 */
export const PLATFORM_LEDGER = 'platform';
export type AuditActor = z.infer<typeof AuditActorSchema>;

/** One entry of the provisioning ledger: a SCIM request, an admin change, or a system act. */
export const AuditEventSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  at: z.iso.datetime(),
  surface: z.enum(AUDIT_SURFACES),
  actor: AuditActorSchema,
  /** The IdP client (User-Agent), when there was a request. */
  userAgent: z.string().nullable(),
  /** The client's address as TRUST_PROXY lets the server see it (sign-in attempts). */
  address: z.string().nullable(),
  method: z.string().nullable(),
  /** Path without the query string (filters carry user names). */
  path: z.string().nullable(),
  /** `users.create`, `keys.revoke`, `key.revoked`… */
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  status: z.number().int().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  changes: z.array(AuditChangeSchema),
  /** Facts worth a human's attention (unmatched SCIM roles, a revoked SCIM key). */
  notes: z.array(z.string()),
  requestId: z.string().nullable(),
  durationMs: z.number().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
