import type { Principal } from '@provisio/core';
import { csrfTokenOf } from '@provisio/core/sessions';
import { TRPCError } from '@trpc/server';
import type { Request } from 'express';
import { hasCsrfToken, isSameOrigin } from './request-guards.ts';
import { currentSession } from './current-session.ts';
import { readSessionCookie } from './session-cookie.ts';
import type { WebDeps } from './web-deps.ts';

/**
 * The principal of a /trpc request that carries the session cookie instead of a bearer
 * token. Every such request, query or mutation, must come from our origin and carry the
 * session's CSRF token: a custom header no other site can make a browser send.
 */
export function sessionPrincipalResolver({
  db,
  clock,
  publicUrl,
  secure,
  platformTokenHash,
}: Pick<WebDeps, 'db' | 'clock' | 'publicUrl' | 'secure' | 'platformTokenHash'>) {
  const deps = { sessions: db.sessions, users: db.users, clock, platformTokenHash };
  return async (req: Request): Promise<Principal | null> => {
    const current = await currentSession(deps, req, secure);
    if (!current) {
      if (!readSessionCookie(req, secure)) return null; // no cookie: a bearer-token caller
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended: sign in again.' });
    }
    const { token, resolved } = current;
    if (!isSameOrigin(req, publicUrl) || !hasCsrfToken(req, csrfTokenOf(token))) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'missing or wrong CSRF token' });
    }
    if (!resolved.principal) throw new TRPCError({ code: 'FORBIDDEN', message: 'Pick an org first.' });
    return resolved.principal;
  };
}
