import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import type { UserListFilters } from './user-list-item.ts';

const digest = (text: string, length: number) => createHash('sha256').update(text).digest('base64url').slice(0, length);

/** The filters in a canonical order, so `{a, b}` and `{b, a}` continue each other's pages. */
const filtersKey = (filters: UserListFilters) =>
  JSON.stringify(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/**
 * `base64url({ v, a: lastId, f: filtersDigest }).checksum`. Opaque to clients, bound to the
 * filters it was made for, and checked strictly: anything else is BAD_REQUEST
 * (invalidCursor), never a 500. No secret is needed: a cursor grants nothing (the key
 * decides the org), so a forged one can only skip rows its holder may read anyway.
 */
export function encodeUserCursor(lastId: string, filters: UserListFilters): string {
  const payload = Buffer.from(JSON.stringify({ v: 1, a: lastId, f: digest(filtersKey(filters), 16) })).toString(
    'base64url',
  );
  return `${payload}.${digest(`users.list:${payload}`, 12)}`;
}

const invalid = (why: string) =>
  new AppError('BAD_REQUEST', { message: `invalid cursor: ${why}`, scimType: 'invalidCursor' });

/** The last id of the previous page, or BAD_REQUEST. */
export function decodeUserCursor(cursor: string, filters: UserListFilters): string {
  const [payload, check, extra] = cursor.split('.');
  if (!payload || !check || extra !== undefined || digest(`users.list:${payload}`, 12) !== check)
    throw invalid('it was not issued by users.list');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid('it is corrupt');
  }
  const { v, a, f } = (parsed ?? {}) as { v?: unknown; a?: unknown; f?: unknown };
  if (v !== 1 || typeof a !== 'string' || !UUID_PATTERN.test(a)) throw invalid('it is corrupt');
  if (f !== digest(filtersKey(filters), 16)) throw invalid('it belongs to a listing with other filters');
  return a;
}
