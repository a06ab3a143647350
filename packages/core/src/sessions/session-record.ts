/** A signed-in browser. The raw session id lives only in the cookie; storage keys it by hash. */
export type SessionRecord = {
  /** sha256 of the session id (hex). */
  idHash: string;
  kind: 'user' | 'platform';
  /** The org acted in; null for a platform session that has not picked one yet. */
  orgId: string | null;
  /** The admin user (`user` sessions only). */
  userId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  /** Hard end, whatever the activity. */
  expiresAt: Date;
};

/** Signed out after this long without a request. */
export const SESSION_IDLE_MS = 12 * 3600_000;
/** Signed out this long after signing in, active or not. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
/** `lastSeenAt` is written at most this often (each request would otherwise write). */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** The end of a session: the earlier of its idle and absolute deadlines. */
export const sessionEndsAt = (session: Pick<SessionRecord, 'lastSeenAt' | 'expiresAt'>): Date =>
  new Date(Math.min(session.lastSeenAt.getTime() + SESSION_IDLE_MS, session.expiresAt.getTime()));
