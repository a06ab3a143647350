import { normaliseKey } from '@provisio/core';
import type { UserAttributes } from '@provisio/core';

const normaliseStrings = (value: unknown): unknown => {
  if (typeof value === 'string') return normaliseKey(value);
  if (Array.isArray(value)) return value.map(normaliseStrings);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseStrings(v)]));
  return value;
};

/**
 * The `search` mirror: the filterable attributes with every string normalised (all of them
 * are caseExact: false in RFC 7643), so `eq`, `co`, `gt`, sorting… are case-insensitive
 * in plain MongoDB queries (org extensions too: a caseExact filter adds the exact stored value).
 * userName and externalId live elsewhere.
 */
export function userSearchMirror(attributes: UserAttributes): Record<string, unknown> {
  const { userName: _u, externalId: _e, active: _a, ...rest } = attributes;
  return normaliseStrings(rest) as Record<string, unknown>;
}
