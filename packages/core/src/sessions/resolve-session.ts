import type { Principal } from '../auth/principal.ts';
import type { SessionDeps } from './session-deps.ts';
import { sessionEndsAt, SESSION_TOUCH_INTERVAL_MS } from './session-record.ts';
import type { SessionRecord } from './session-record.ts';
import { hashSessionToken, isSessionTokenShape } from './session-token.ts';

export type ResolvedSession = {
  session: SessionRecord;
  /** Null while a platform session has not picked an org: it may only pick one. */
  principal: Extract<Principal, { kind: 'org' }> | null;
};

/**
 * Why a session no longer acts: gone (signed out, swept), past its end, its user may no
 * longer sign in, or (platform) the admin token it was opened with is no longer configured.
 */
export type SessionEnd = 'unknown' | 'expired' | 'not-admin' | 'not-active' | 'token-changed';

/**
 * The session stored under `idHash` while it may act, else why it may not. A session past
 * its end, or whose user is no longer an active admin, is deleted on the spot (with the
 * user's other sessions), so deprovisioning signs the admin out at their next click.
 */
export async function sessionStanding(
  deps: Pick<SessionDeps, 'sessions' | 'users' | 'clock' | 'platformTokenHash'>,
  idHash: string,
): Promise<{ session: SessionRecord } | { ended: SessionEnd }> {
  const session = await deps.sessions.find(idHash);
  if (!session) return { ended: 'unknown' };
  if (sessionEndsAt(session) <= deps.clock.now()) {
    await deps.sessions.delete(idHash);
    return { ended: 'expired' };
  }
  // Opened with an admin token that is not the configured one. Refused, not deleted: during
  // a rolling token change a replica still on the old token must not end the new sessions.
  if (
    session.kind === 'platform' &&
    !(deps.platformTokenHash && session.platformTokenHash === deps.platformTokenHash)
  ) {
    return { ended: 'token-changed' };
  }
  if (session.kind === 'member') {
    // A member's account page: any active user of the org (deactivation ends it at the next view).
    const user = session.orgId && session.userId ? await deps.users.standing(session.orgId, session.userId) : null;
    if (user?.status !== 'active') {
      await deps.sessions.delete(idHash);
      return { ended: 'not-active' };
    }
  }
  if (session.kind === 'user') {
    const user = session.orgId && session.userId ? await deps.users.standing(session.orgId, session.userId) : null;
    if (user?.status !== 'active' || user.role !== 'admin') {
      // Every session of theirs, not just this one: other browsers must not wait for a click.
      if (session.orgId && session.userId) await deps.sessions.deleteForUser(session.orgId, session.userId);
      await deps.sessions.delete(idHash);
      return { ended: 'not-admin' };
    }
  }
  return { session };
}

/** The session behind a cookie, or null when it may not act (see sessionStanding). */
export async function resolveSession(
  deps: Pick<SessionDeps, 'sessions' | 'users' | 'clock' | 'platformTokenHash'>,
  token: string,
): Promise<ResolvedSession | null> {
  if (!isSessionTokenShape(token)) return null;
  const idHash = hashSessionToken(token);
  const standing = await sessionStanding(deps, idHash);
  if ('ended' in standing) return null;
  const { session } = standing;
  const now = deps.clock.now();
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) await deps.sessions.touch(idHash, now);
  return { session, principal: principalOf(session) };
}

/**
 * An admin user acts as an `admin` of their org; the platform admin as one of the org it
 * picked. The principal names the session, so the audit log can tell who acted, and
 * carries its stored id hash, so long-lived calls (event streams) can re-check it.
 */
export function principalOf(session: SessionRecord): ResolvedSession['principal'] {
  // A member session acts on nothing: it shows its own account page only.
  if (!session.orgId || session.kind === 'member') return null;
  const base = { kind: 'org', orgId: session.orgId, scopes: ['admin'], sessionIdHash: session.idHash } as const;
  if (session.kind === 'platform') return { ...base, scopes: ['admin'], session: { kind: 'platform' } };
  // sessionStanding has refused user sessions without a user.
  return session.userId ? { ...base, scopes: ['admin'], session: { kind: 'user', userId: session.userId } } : null;
}
