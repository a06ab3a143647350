import { isAppError } from '@provisio/core';
import { STATUS_BY_CODE } from '../http/status-by-code.ts';
import { csrfTokenOf, openSession, resolveSession, selectSessionOrg, signInWithPassword, signOut } from '@provisio/core/sessions';
import type { SessionDeps } from '@provisio/core/sessions';
import express, { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { PrincipalResolver } from '../http/trpc-endpoint.ts';
import { hasCsrfToken, isSameOrigin } from './request-guards.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.ts';
import { sessionView } from './session-view.ts';
import type { WebDeps } from './web-deps.ts';

const SignInBody = z.union([
  z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024), orgId: z.string().max(256).optional() }),
  z.object({ adminToken: z.string().min(1).max(1024) }),
]);

/**
 * `/auth/*`, the session endpoints of the web app (JSON). Sign-in opens a session and
 * sets its cookie; every other POST needs the session's CSRF token; all need our Origin.
 */
export function sessionRouter(deps: WebDeps & { resolvePrincipal: PrincipalResolver }): Router {
  const { db, secure } = deps;
  const core: SessionDeps = { sessions: db.sessions, directory: db.signInDirectory, users: db.users, orgs: db.orgs, clock: deps.clock };
  const router = Router();
  router.use('/auth', express.json({ limit: '8kb' }), (req: Request, res: Response, next: NextFunction) => {
    res.set('Cache-Control', 'no-store');
    if (req.method !== 'GET' && !isSameOrigin(req, deps.publicUrl)) res.status(403).json({ error: 'cross-origin request refused' });
    else next();
  });
  const current = async (req: Request) => {
    const token = readSessionCookie(req, secure);
    const resolved = token ? await resolveSession(core, token) : null;
    return token && resolved ? { token, resolved } : null;
  };
  /** Session endpoints past sign-in: a live session, and on POST its CSRF token. */
  const withSession = (handler: (req: Request, res: Response, s: NonNullable<Awaited<ReturnType<typeof current>>>) => Promise<void>) => async (req: Request, res: Response) => {
    const s = await current(req);
    if (!s) {
      clearSessionCookie(res, secure);
      res.status(401).json({ error: 'You are signed out.' });
      return;
    }
    if (req.method !== 'GET' && !hasCsrfToken(req, csrfTokenOf(s.token))) {
      res.status(403).json({ error: 'missing or wrong CSRF token' });
      return;
    }
    await handler(req, res, s);
  };

  router.get('/auth/session', withSession(async (_req, res, s) => void res.json(await sessionView(db, s.token, s.resolved))));

  router.post('/auth/sign-in', async (req, res) => {
    const body = SignInBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'Enter your email and password.' });
    const input = body.data;
    try {
      await deps.admitSignIn({ account: 'adminToken' in input ? 'platform' : input.email.toLowerCase(), address: req.ip ?? 'unknown' });
      let token: string;
      if ('adminToken' in input) {
        const principal = await deps.resolvePrincipal(input.adminToken);
        if (principal?.kind !== 'platform') return void res.status(401).json({ error: 'That is not the platform admin token.' });
        token = (await openSession(core, { kind: 'platform', orgId: null, userId: null })).token;
      } else {
        const result = await signInWithPassword(core, input);
        if (!result.ok && result.reason === 'choose_org') return void res.status(409).json({ error: 'Pick the organisation to sign in to.', orgs: result.orgs });
        if (!result.ok) return void res.status(401).json({ error: 'Wrong email or password, or this account is not an active admin.' });
        token = result.token;
      }
      const s = await resolveSession(core, token);
      if (!s) throw new Error('a session just opened did not resolve');
      setSessionCookie(res, token, secure);
      deps.logger.info({ kind: s.session.kind, orgId: s.session.orgId, userId: s.session.userId }, 'web sign-in');
      res.json(await sessionView(db, token, s));
    } catch (error) {
      sendError(res, error);
    }
  });

  router.post('/auth/sign-out', withSession(async (_req, res, s) => {
    await signOut(core, s.token);
    clearSessionCookie(res, secure);
    res.json({ ok: true });
  }));

  router.get('/auth/orgs', withSession(async (_req, res, s) => {
    if (s.resolved.session.kind !== 'platform') return void res.status(403).json({ error: 'only the platform admin picks an org' });
    res.json({ items: await db.signInDirectory.orgs() });
  }));

  router.post('/auth/org', withSession(async (req, res, s) => {
    const orgId = z.object({ orgId: z.string().min(1).max(256) }).safeParse(req.body);
    if (!orgId.success) return void res.status(400).json({ error: 'orgId is required' });
    try {
      await selectSessionOrg(core, { token: s.token, orgId: orgId.data.orgId, kind: s.resolved.session.kind });
      const again = await resolveSession(core, s.token);
      res.json(again ? await sessionView(db, s.token, again) : null);
    } catch (error) {
      sendError(res, error);
    }
  }));
  return router;
}

function sendError(res: Response, error: unknown): void {
  if (!isAppError(error)) throw error;
  if (error.retryAfter !== undefined) res.set('Retry-After', String(error.retryAfter));
  res.status(STATUS_BY_CODE[error.code]).json({ error: error.userMessage ?? error.message });
}
