import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';
import type { KeysetPosition } from './keyset.ts';

/** Seconds a cursor stays valid after it was issued (RFC 9865 `cursorTimeout`). */
export const CURSOR_TIMEOUT_SECONDS = 3_600;

/**
 * The key list cursors are signed with, derived from `PROVISIO_ADMIN_TOKEN`: every replica has
 * that secret, so a cursor one replica issued is read by any other; rotating the token ends
 * outstanding cursors (invalidCursor: the client starts its listing again).
 */
export const deriveListCursorKey = (adminToken: string): string =>
  createHmac('sha256', adminToken).update('provisio list cursors v1').digest('base64url');

/** What a cursor is bound to: the org, and the listing's normalised query (not its page size or projection). */
export type CursorScope = { orgId: string; listing: string; query: unknown };

/** `n`: totalResults counted on the walk's first page, carried so later pages need not count again. */
type Payload = { v: 1; o: string; q: string; t: number; p: KeysetPosition; n?: number };

/** Where a cursor continues from, and the walk's total when the cursor carries it. */
export type CursorState = { after: KeysetPosition; total?: number };

const mac = (key: string, text: string) => createHmac('sha256', key).update(text).digest();
const queryDigest = (scope: CursorScope) =>
  createHmac('sha256', 'query')
    .update(JSON.stringify([scope.listing, scope.query]))
    .digest('base64url')
    .slice(0, 22);

const invalid = (message: string) => new AppError('BAD_REQUEST', { message, scimType: 'invalidCursor' });
// The same words for a forged cursor and another org's: a cursor tells nothing about other orgs.
const notOurs = () =>
  invalid('invalid cursor: not issued by this server for this listing; start again with an empty cursor');

/**
 * `base64url(payload).base64url(HMAC-SHA256)`: only characters RFC 9865 allows (RFC 3986
 * unreserved). Issued at `now`, so `cursorTimeout` counts from the page that returned it.
 */
export function issueCursor(
  key: string,
  scope: CursorScope,
  position: KeysetPosition,
  now: Date,
  total?: number,
): string {
  const payload: Payload = {
    v: 1,
    o: scope.orgId,
    q: queryDigest(scope),
    t: Math.floor(now.getTime() / 1000),
    p: position,
    ...(total !== undefined ? { n: total } : {}),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

const isPosition = (p: unknown): p is KeysetPosition => {
  if (!p || typeof p !== 'object') return false;
  const { id, value, date } = p as Record<string, unknown>;
  const scalar = value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value);
  return typeof id === 'string' && scalar && (date === undefined || (date === true && typeof value === 'string'));
};

/**
 * The position a cursor continues from (and the total it carries). BAD_REQUEST `invalidCursor` when it is not one this
 * deployment signed, is another org's, or was made for another filter or sort; `expiredCursor`
 * when it is older than `timeoutSeconds`. Never a 5xx, whatever the text.
 */
export function readCursor(
  key: string,
  scope: CursorScope,
  cursor: string,
  options: { now: Date; timeoutSeconds: number },
): CursorState {
  const [body, sig, extra] = cursor.split('.');
  if (!body || !sig || extra !== undefined || cursor.length > 2048) throw notOurs();
  const expected = mac(key, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notOurs();
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
  if (payload.v !== 1 || payload.o !== scope.orgId || !isPosition(payload.p)) throw notOurs();
  const total = payload.n;
  if (total !== undefined && !(Number.isSafeInteger(total) && total >= 0)) throw notOurs();
  if (payload.q !== queryDigest(scope)) {
    throw invalid(
      'invalid cursor: it was issued for another filter or sort order; send the same query with each cursor',
    );
  }
  if (options.now.getTime() / 1000 - payload.t > options.timeoutSeconds) {
    throw new AppError('BAD_REQUEST', {
      message: `expired cursor: cursors last ${options.timeoutSeconds} seconds between pages; start again with an empty cursor`,
      scimType: 'expiredCursor',
    });
  }
  return total === undefined ? { after: payload.p } : { after: payload.p, total };
}
