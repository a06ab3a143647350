/**
 * What one request may ask of the server, whatever its size in bytes. Beyond these the
 * request is refused with 400 `tooMany` (RFC 7644 §3.12: "more results than the server
 * is willing to process"), with a detail that says how to split it.
 */
export const REQUEST_LIMITS = {
  /** Operations in one PatchOp body. */
  patchOperations: 1_000,
  /** Entries in `attributes` or in `excludedAttributes`. */
  selectedAttributes: 100,
} as const;

/**
 * What `/Bulk` accepts (RFC 7644 §3.7.4), published in `/ServiceProviderConfig`. Beyond
 * either: 413 with a SCIM error naming the limit. The payload limit is every SCIM body's.
 */
export const BULK_LIMITS = {
  maxOperations: 1_000,
  /** Bytes (1 MB). */
  maxPayloadSize: 1_048_576,
} as const;
