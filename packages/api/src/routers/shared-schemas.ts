import { SORT_ORDERS } from '@provisio/core';
import { z } from 'zod';

/** Any text: ids are opaque, and an unknown or malformed one is simply NOT_FOUND. */
export const ZIdSchema = z.string().min(1).max(256);

/** `If-Match` as a version number (the adapter reads `W/"<n>"`); stale → PRECONDITION_FAILED. */
export const ZIfMatchVersionSchema = z.number().int().positive().optional();

/** Paging as SCIM sends it; clamped by core (startIndex < 1 → 1, count → 0..1000, default 100). */
export const ZPageWindowSchema = z.object({
  startIndex: z.number().int().optional(),
  count: z.number().int().optional(),
});

export const ZListRequestSchema = ZPageWindowSchema.extend({
  /**
   * RFC 9865 cursor paging instead of `startIndex`: '' for the first page, then the previous
   * page's `nextCursor`, with the same filter and sort (count may change). Bad → BAD_REQUEST
   * `invalidCursor`; older than an hour → `expiredCursor`; count below 1 → `invalidCount`.
   */
  cursor: z.string().max(2048).optional(),
  /** A SCIM filter string (RFC 7644 §3.4.2.2), parsed with @provisio/scim; bad → BAD_REQUEST/invalidFilter. */
  filter: z.string().max(4096).optional(),
  /** `userName`, `displayName`, `externalId`, `id`, `meta.created`, `meta.lastModified`, `name.familyName`, … */
  sortBy: z.string().max(256).optional(),
  sortOrder: z.enum(SORT_ORDERS).optional(),
});

export const listResponseOf = <T extends z.ZodType>(item: T) =>
  z.object({
    totalResults: z.number().int().nonnegative(),
    /** Index pages only. */
    startIndex: z.number().int().positive().optional(),
    items: z.array(item),
    /** Cursor pages only: where the next page starts; absent on the last page. */
    nextCursor: z.string().optional(),
  });

export const ZDeletedResponseSchema = z.object({ id: z.string() });
