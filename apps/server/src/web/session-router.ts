import { csrfTokenOf, selectSessionOrg, signOut } from '@provisio/core/sessions';
import type { SessionDeps } from '@provisio/core/sessions';
import { PickOrgInput } from '@provisio/api/web-auth';
import type { AuthOrgs, AuthRefusal, SignedOut } from '@provisio/api/web-auth';
import express, { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { hasCsrfToken, isSameOrigin } from './request-guards.ts';
import { currentSession } from './current-session.ts';
import type { CurrentSession } from './current-session.ts';
import { sendAppError } from './send-app-error.ts';
import { clearSessionCookie } from './session-cookie.ts';
import { signInRoute } from './sign-in-route.ts';
import { sessionView } from './session-view.ts';
import type { WebDeps } from './web-deps.ts';

/**
 * `/auth/*`, the session endpoints of the web app (JSON). Sign-in opens a session and
 * sets its cookie; every other POST needs the session's CSRF token; all need our Origin.
 */
export function sessionRouter(deps: WebDeps): Router {
  const { db, secure } = deps;
  const core: SessionDeps = {
    sessions: db.sessions,
    directory: db.signInDirectory,
    sso: db.sso,
    users: db.users,
    orgs: db.orgs,
    clock: deps.clock,
    platformTokenHash: deps.platformTokenHash,
  };
  const router = Router();
  router.use('/auth', express.json({ limit: '8kb' }), (req: Request, res: Response, next: NextFunction) => {
    res.set('Cache-Control', 'no-store');
    if (req.method !== 'GET' && !isSameOrigin(req, deps.publicUrl))
      res.status(403).json({ error: 'cross-origin request refused' } satisfies AuthRefusal);
    else next();
  });
  /** Session endpoints past sign-in: a live session, and on POST its CSRF token. */
  const withSession =
    (handler: (req: Request, res: Response, s: CurrentSession) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const s = await currentSession(core, req, secure);
      if (!s) {
        clearSessionCookie(res, secure);
        res.status(401).json({ error: 'You are signed out.' } satisfies AuthRefusal);
        return;
      }
      if (req.method !== 'GET' && !hasCsrfToken(req, csrfTokenOf(s.token))) {
        res.status(403).json({ error: 'missing or wrong CSRF token' } satisfies AuthRefusal);
        return;
      }
      await handler(req, res, s);
    };

  router.get(
    '/auth/session',
    withSession(async (_req, res, s) => void res.json(await sessionView(db, s.token, s.resolved.session))),
  );

  router.post('/auth/sign-in', signInRoute(deps, core));

  router.post(
    '/auth/sign-out',
    withSession(async (_req, res, s) => {
      await signOut(core, s.token);
      clearSessionCookie(res, secure);
      res.json({ ok: true } satisfies SignedOut);
    }),
  );

  router.get(
    '/auth/orgs',
    withSession(async (_req, res, s) => {
      if (s.resolved.session.kind !== 'platform')
        return void res.status(403).json({ error: 'only the platform admin picks an org' } satisfies AuthRefusal);
      res.json({ items: await db.signInDirectory.orgs() } satisfies AuthOrgs);
    }),
  );

  router.post(
    '/auth/org',
    withSession(async (req, res, s) => {
      const orgId = PickOrgInput.safeParse(req.body);
      if (!orgId.success) return void res.status(400).json({ error: 'orgId is required' } satisfies AuthRefusal);
      try {
        await selectSessionOrg(core, { token: s.token, orgId: orgId.data.orgId, kind: s.resolved.session.kind });
        res.json(await sessionView(db, s.token, { ...s.resolved.session, orgId: orgId.data.orgId }));
      } catch (error) {
        sendAppError(res, error);
      }
    }),
  );
  return router;
}
