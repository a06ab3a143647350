import { z } from 'zod';
import { URN } from './urns.ts';

/** RFC 7644 message bodies. Parsing helpers (parsePatchRequest, parseSearchRequest) are more tolerant. */
export const PatchOpSchema = z.object({
  schemas: z.array(z.string()),
  Operations: z.array(z.object({ op: z.string(), path: z.string().nullish(), value: z.unknown().optional() })).min(1),
});

export const SearchRequestSchema = z.object({
  schemas: z.array(z.literal(URN.searchRequest)),
  attributes: z.array(z.string()).optional(),
  excludedAttributes: z.array(z.string()).optional(),
  filter: z.string().optional(),
  sortBy: z.string().optional(),
  sortOrder: z.enum(['ascending', 'descending']).optional(),
  startIndex: z.number().int().optional(),
  count: z.number().int().optional(),
  cursor: z.string().optional(),
});

export const ListResponseSchema = z.object({
  schemas: z.tuple([z.literal(URN.listResponse)]),
  totalResults: z.number().int(),
  startIndex: z.number().int(),
  itemsPerPage: z.number().int(),
  Resources: z.array(z.unknown()),
  nextCursor: z.string().optional(),
  previousCursor: z.string().optional(),
});

export const ErrorSchema = z.object({
  schemas: z.tuple([z.literal(URN.error)]),
  status: z.string().regex(/^[1-5][0-9]{2}$/),
  scimType: z.string().optional(),
  detail: z.string(),
});
