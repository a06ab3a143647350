/** What the doctor names a SCIM request by: resource and verb, never an id or a query. */
export const SCIM_OPERATIONS = [
  'users-list',
  'users-get',
  'users-create',
  'users-replace',
  'users-patch',
  'users-delete',
  'groups-list',
  'groups-get',
  'groups-create',
  'groups-replace',
  'groups-patch',
  'groups-delete',
  'search',
  'bulk',
  'discovery',
  'other',
] as const;
export type ScimOperation = (typeof SCIM_OPERATIONS)[number];

export const IDPS = ['okta', 'entra', 'unknown'] as const;
export type Idp = (typeof IDPS)[number];

/**
 * Request shapes the hints are built on, counted per key (never the bodies themselves):
 * - `string-boolean`: `"True"`/`"False"` where SCIM wants a boolean (Entra without aadOptscim062020)
 * - `capitalised-op`: PATCH ops spelled `Replace`/`Add`/`Remove` (the same)
 * - `member-remove-by-value`: `Remove` of `members` with a value array instead of a filter (the same)
 * - `entra-form`: request forms only Entra sends (its legacy Group URN, dotted keys in a path-less replace)
 * - `empty-email`: an email value that is empty or blank
 * - `username-conflict`: a User write refused 409 `uniqueness`
 * - `rate-limited`: refused 429 by the key's rate limit
 */
export const REQUEST_SHAPES = [
  'string-boolean',
  'capitalised-op',
  'member-remove-by-value',
  'entra-form',
  'empty-email',
  'username-conflict',
  'rate-limited',
] as const;
export type RequestShape = (typeof REQUEST_SHAPES)[number];

/** One error answer as the doctor keeps it: what the IdP asked and what it was told. */
export type ScimErrorEntry = {
  at: Date;
  method: string;
  /** Under /scim/v2, without the query string (filters name people) and with ids as `{id}`. */
  path: string;
  status: number;
  scimType: string | null;
  detail: string;
};

/** What one SCIM request tells the doctor, built after its answer. */
export type TrafficSignal = {
  orgId: string;
  keyId: string;
  at: Date;
  operation: ScimOperation;
  status: number;
  idp: Idp;
  shapes: readonly RequestShape[];
  /** Present when the answer was an error (status ≥ 400). */
  error?: ScimErrorEntry;
};

/** The counts of one key in one hour (one process's share, or all processes' added up). */
export type TrafficBucket = {
  orgId: string;
  keyId: string;
  /** The hour's start (UTC). */
  hour: Date;
  /** `<operation>:<status>` → requests. */
  counts: Record<string, number>;
  shapes: Partial<Record<RequestShape, number>>;
  idps: Partial<Record<Idp, number>>;
  lastSuccessAt: Date | null;
  /** The latest errors of this bucket, newest last, at most `MAX_ERRORS_KEPT`. */
  lastErrors: ScimErrorEntry[];
};

/** Errors kept per key and hour (per process), and shown per key. */
export const MAX_ERRORS_KEPT = 10;
export const HOUR_MS = 3_600_000;
/** The doctor's window: buckets of the last 24 hours (older ones are swept). */
export const DOCTOR_WINDOW_HOURS = 24;

export const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
export const countKey = (operation: ScimOperation, status: number) => `${operation}:${status}`;
