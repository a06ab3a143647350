/**
 * `user`: an org admin in the admin app; `platform`: the platform admin; `member`: anyone else
 * signed in through SSO, who may only see their account page (no principal, no /trpc).
 */
export const SESSION_KINDS = ['user', 'platform', 'member'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A signed-in browser. The raw session id lives only in the cookie; storage keys it by hash. */
export type SessionRecord = {
  /** sha256 of the session id (hex). */
  idHash: string;
  kind: SessionKind;
  /** The org acted in; null for a platform session that has not picked one yet. */
  orgId: string | null;
  /** The signed-in user (`user` and `member` sessions). */
  userId: string | null;
  /**
   * `platform` sessions only: the SHA-256 (hex) of the admin token they were opened with.
   * Once the configured token changes, the session no longer resolves.
   */
  platformTokenHash: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  /** Hard end, whatever the activity. */
  expiresAt: Date;
};

/** A session of the admin app (an org admin's or the platform admin's), not a member's. */
export type AdminSessionRecord = SessionRecord & { kind: Exclude<SessionKind, 'member'> };
export const isAdminSession = (session: SessionRecord): session is AdminSessionRecord => session.kind !== 'member';

/**
 * How long a session lives: signed out `idleMs` after its last request, and `absoluteMs`
 * after sign-in whatever the activity. The platform admin's session reaches every org, so
 * it is short.
 */
export const SESSION_LIFETIMES: Record<SessionKind, { idleMs: number; absoluteMs: number }> = {
  user: { idleMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000 },
  platform: { idleMs: 15 * 60_000, absoluteMs: 3600_000 },
  member: { idleMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000 },
};

/** `lastSeenAt` is written at most this often (each request would otherwise write). */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** The end of a session: the earlier of its idle and absolute deadlines. */
export const sessionEndsAt = (session: Pick<SessionRecord, 'kind' | 'lastSeenAt' | 'expiresAt'>): Date =>
  new Date(
    Math.min(session.lastSeenAt.getTime() + SESSION_LIFETIMES[session.kind].idleMs, session.expiresAt.getTime()),
  );
