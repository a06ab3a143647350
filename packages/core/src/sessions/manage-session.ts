import { AppError } from '../errors/app-error.ts';
import type { SessionDeps } from './session-deps.ts';
import { SESSION_KINDS, SESSION_LIFETIMES } from './session-record.ts';
import type { SessionKind } from './session-record.ts';
import { hashSessionToken } from './session-token.ts';

/** Sign-out: the session stops working at once (the cookie is cleared by the caller). */
export async function signOut(deps: Pick<SessionDeps, 'sessions'>, token: string): Promise<void> {
  await deps.sessions.delete(hashSessionToken(token));
}

/** The platform admin picks the org to act in. Org sessions cannot switch. */
export async function selectSessionOrg(
  deps: Pick<SessionDeps, 'sessions' | 'orgs'>,
  { token, orgId, kind }: { token: string; orgId: string; kind: 'user' | 'platform' },
): Promise<void> {
  if (kind !== 'platform') throw new AppError('FORBIDDEN', { message: 'only the platform admin picks an org' });
  if (!(await deps.orgs.findById(orgId))) throw new AppError('NOT_FOUND', { message: 'no such org' });
  await deps.sessions.setOrg(hashSessionToken(token), orgId);
}

/** Deletes sessions past their idle or absolute end (FerretDB has no TTL index). */
export async function sweepSessions(deps: Pick<SessionDeps, 'sessions' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const idleBefore = Object.fromEntries(
    SESSION_KINDS.map((kind) => [kind, new Date(now.getTime() - SESSION_LIFETIMES[kind].idleMs)]),
  );
  return deps.sessions.deleteExpired(now, idleBefore as Record<SessionKind, Date>);
}
