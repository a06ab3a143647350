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
 * The session behind a cookie, or null when it is unknown, expired (idle or absolute),
 * or its user may no longer sign in (deactivated, deleted, no longer an admin): such a
 * session is deleted on the spot (with the user's other sessions), so deprovisioning signs
 * the admin out at their next click. A platform session also ends when the configured
 * admin token is no longer the one it was opened with.
 */
export async function resolveSession(deps: Pick<SessionDeps, 'sessions' | 'users' | 'clock' | 'platformTokenHash'>, token: string): Promise<ResolvedSession | null> {
  if (!isSessionTokenShape(token)) return null;
  const idHash = hashSessionToken(token);
  const session = await deps.sessions.find(idHash);
  if (!session) return null;
  const now = deps.clock.now();
  if (sessionEndsAt(session) <= now) {
    await deps.sessions.delete(idHash);
    return null;
  }
  // Opened with an admin token that is not the configured one. Refused, not deleted: during
  // a rolling token change a replica still on the old token must not end the new sessions.
  if (session.kind === 'platform' && !(deps.platformTokenHash && session.platformTokenHash === deps.platformTokenHash)) return null;
  if (session.kind === 'user') {
    const user = session.orgId && session.userId ? await deps.users.standing(session.orgId, session.userId) : null;
    if (user?.status !== 'active' || user.role !== 'admin') {
      // Every session of theirs, not just this one: other browsers must not wait for a click.
      if (session.orgId && session.userId) await deps.sessions.deleteForUser(session.orgId, session.userId);
      await deps.sessions.delete(idHash);
      return null;
    }
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) await deps.sessions.touch(idHash, now);
  return { session, principal: principalOf(session) };
}

/**
 * An admin user acts as an `admin` of their org; the platform admin as one of the org it
 * picked. The principal names the session, so the audit log can tell who acted.
 */
export function principalOf(session: SessionRecord): ResolvedSession['principal'] {
  if (!session.orgId) return null;
  if (session.kind === 'platform') return { kind: 'org', orgId: session.orgId, scopes: ['admin'], session: { kind: 'platform' } };
  // resolveSession has refused user sessions without a user.
  return session.userId ? { kind: 'org', orgId: session.orgId, scopes: ['admin'], session: { kind: 'user', userId: session.userId } } : null;
}
