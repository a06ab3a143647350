import { createHash, randomBytes } from 'node:crypto';

/** A new session id: 256 random bits, base64url (43 characters). */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** What storage keys a session by. Domain-separated from the CSRF token below. */
export const hashSessionToken = (token: string): string =>
  createHash('sha256').update(`session:${token}`).digest('hex');

/**
 * The session's CSRF token (synchronizer pattern without storage): derived from the
 * secret session id, so only a page that was handed it can send it back in a header.
 */
export const csrfTokenOf = (token: string): string => createHash('sha256').update(`csrf:${token}`).digest('base64url');

/** Looks like a token we issued (so junk never reaches storage). */
export const isSessionTokenShape = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
