import { isAdminSession, resolveSession } from '@provisio/core/sessions';
import type { SessionDeps } from '@provisio/core/sessions';
import type { Request } from 'express';
import { readSessionCookie } from './session-cookie.ts';

/**
 * The live session a request's cookie names, with its token (the CSRF token derives from
 * it), or null. The one reading of the cookie for /auth and /trpc; each adds its own
 * origin and CSRF rule (/auth/session must hand out the CSRF token without one).
 */
export async function currentSession(
  deps: Pick<SessionDeps, 'sessions' | 'users' | 'clock' | 'platformTokenHash'>,
  req: Request,
  secure: boolean,
) {
  const token = readSessionCookie(req, secure);
  const resolved = token ? await resolveSession(deps, token) : null;
  // A member's session (the account page's cookie) never works as an admin one.
  if (!token || !resolved || !isAdminSession(resolved.session)) return null;
  return { token, resolved: { ...resolved, session: resolved.session } };
}

/** A request's session: no cookie, an ended one, or a live one. */
export type CurrentSession = NonNullable<Awaited<ReturnType<typeof currentSession>>>;
