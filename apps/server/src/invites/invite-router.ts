import { acceptInvite, viewInvite } from '@provisio/core/invites';
import type { InviteDeps } from '@provisio/core/invites';
import { isAppError } from '@provisio/core';
import express, { Router } from 'express';
import type { Response } from 'express';
import { acceptedPage, acceptForm, problemPage } from './invite-page.ts';

const send = (res: Response, status: number, html: string) => {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    })
    .send(html);
};

/**
 * `GET /invite/:token` shows the invite and never acts (mail scanners pre-fetch links);
 * `POST` accepts it with a password, or hands over to SSO.
 */
export function inviteRouter(deps: InviteDeps): Router {
  const router = Router();
  router.get('/invite/:token', async (req, res) => {
    const view = await viewInvite(deps, { token: req.params.token });
    if (!view.ok) {
      const { status, html } = problemPage(view.problem, view.orgName);
      send(res, status, html);
      return;
    }
    send(res, 200, acceptForm(view));
  });

  router.post('/invite/:token', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    const token = req.params.token;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const password = typeof body['password'] === 'string' ? body['password'] : undefined;
    const confirm = typeof body['confirm'] === 'string' ? body['confirm'] : undefined;
    const view = await viewInvite(deps, { token });
    if (!view.ok) {
      const { status, html } = problemPage(view.problem, view.orgName);
      send(res, status, html);
      return;
    }
    if (!view.ssoEnabled && password !== confirm) {
      send(res, 400, acceptForm(view, 'The two passwords do not match.'));
      return;
    }
    try {
      const result = await acceptInvite(deps, { token, ...(password ? { password } : {}) });
      if (!result.ok) {
        const { status, html } = problemPage(result.problem, view.orgName);
        send(res, status, html);
        return;
      }
      send(res, 200, acceptedPage(result.signIn, view.orgName));
    } catch (error) {
      if (isAppError(error) && error.code === 'BAD_REQUEST') {
        send(res, 400, acceptForm(view, error.userMessage ?? error.message));
        return;
      }
      throw error;
    }
  });
  return router;
}
