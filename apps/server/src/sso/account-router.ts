import { timingSafeEqual } from 'node:crypto';
import { recipientOf } from '@provisio/core/invites';
import { csrfTokenOf, resolveSession, signOut } from '@provisio/core/sessions';
import express, { Router } from 'express';
import type { Request, Response } from 'express';
import { isSameOrigin } from '../web/request-guards.ts';
import { clearSessionCookie, readSessionCookie } from '../web/session-cookie.ts';
import { accountPage, signedOutPage } from './sso-pages.ts';
import type { SsoRouteDeps } from './sso-router.ts';

/**
 * `/account`: the page of a person who is not an admin, signed in through SSO (a `member`
 * session under its own cookie): name, email, groups, and sign-out, which deletes the session
 * on the server (the cookie alone would not end it).
 */
export function accountRouter(deps: SsoRouteDeps & { secure: boolean }): Router {
  const router = Router();
  const sessionDeps = { sessions: deps.db.sessions, users: deps.db.users, clock: deps.clock, platformTokenHash: null };
  const memberSession = async (req: Request) => {
    const token = readSessionCookie(req, deps.secure, 'account');
    const resolved = token ? await resolveSession(sessionDeps, token) : null;
    const { orgId, userId, kind } = resolved?.session ?? {};
    return token && kind === 'member' && orgId && userId ? { token, orgId, userId } : null;
  };
  const signedOut = (res: Response, status: number, message: string) => {
    clearSessionCookie(res, deps.secure, 'account');
    res.status(status).type('html').send(signedOutPage(message));
  };

  router.get('/account', async (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    const session = await memberSession(req);
    const [org, user] = session
      ? await Promise.all([deps.db.orgs.findById(session.orgId), deps.db.users.findById(session.orgId, session.userId)])
      : [null, null];
    if (!session || !org || !user) return signedOut(res, 401, 'You are signed out.');
    const contact = recipientOf(user);
    res.type('html').send(
      accountPage({
        orgName: org.name,
        displayName: contact?.name ?? user.userName,
        email: contact?.to ?? user.userName,
        groups: user.groups.map((g) => g.display ?? g.value),
        csrfToken: csrfTokenOf(session.token),
      }),
    );
  });

  router.post('/account/sign-out', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const session = await memberSession(req);
    if (!session) return signedOut(res, 200, 'You are signed out.');
    const csrf = (req.body as Record<string, unknown> | undefined)?.['csrf'];
    const sent = Buffer.from(typeof csrf === 'string' ? csrf : '');
    const expected = Buffer.from(csrfTokenOf(session.token));
    const csrfOk = sent.length === expected.length && timingSafeEqual(sent, expected);
    if (!isSameOrigin(req, deps.publicUrl) || !csrfOk)
      return void res.status(403).type('html').send(signedOutPage('Sign-out refused: reload the page and try again.'));
    await signOut({ sessions: deps.db.sessions }, session.token);
    signedOut(res, 200, 'You are signed out. Your company account may still be signed in at your identity provider.');
  });
  return router;
}
