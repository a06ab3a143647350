import { isAppError } from '@provisio/core';
import { auditSignInFailure, signInAccountKey, signInAsPlatform, signInWithPassword } from '@provisio/core/sessions';
import type { SessionDeps, SignInAccount, SignInFailureReason } from '@provisio/core/sessions';
import { SignInInput } from '@provisio/api/web-auth';
import type { AuthRefusal } from '@provisio/api/web-auth';
import type { Request, Response } from 'express';
import { sendAppError } from './send-app-error.ts';
import { setSessionCookie } from './session-cookie.ts';
import { sessionView } from './session-view.ts';
import type { WebDeps } from './web-deps.ts';

/**
 * `POST /auth/sign-in`: an org admin's email and password, or the platform admin token.
 * Limited per address and per (account, address) pair; every failure is an audit event,
 * while the caller gets one answer for a wrong password and an unknown account.
 */
export function signInRoute(deps: WebDeps, core: SessionDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = SignInInput.safeParse(req.body);
    if (!body.success)
      return void res.status(400).json({ error: 'Enter your email and password.' } satisfies AuthRefusal);
    const input = body.data;
    // req.ip: the client as `trust proxy` (TRUST_PROXY) allows X-Forwarded-For to say.
    const attempt = {
      account: 'adminToken' in input ? null : signInAccountKey(input.email),
      address: req.ip ?? 'unknown',
    };
    const request = {
      method: 'POST',
      path: '/auth/sign-in',
      userAgent: req.headers['user-agent'] ?? null,
      address: attempt.address,
      requestId: String(res.getHeader('X-Request-Id') ?? '') || null,
    };
    // Not awaited by the answer: its timing must not tell an unknown account from a wrong password.
    const audit = (reason: SignInFailureReason, accounts: readonly SignInAccount[] = []) =>
      void auditSignInFailure(
        { audit: deps.db.audit, clock: deps.clock },
        { reason, account: attempt.account, accounts, request },
      ).catch((err: unknown) => deps.logger.error({ err, reason }, 'failed sign-in not audited'));
    try {
      await deps.signInLimiter.admit(attempt);
      const result =
        'adminToken' in input ? await signInAsPlatform(core, input.adminToken) : await signInWithPassword(core, input);
      if (!result.ok && result.reason !== 'choose_org') {
        await deps.signInLimiter.failed(attempt);
        audit(result.reason, result.accounts);
        if (result.reason === 'sso_required')
          return void res.status(403).json({
            error: 'Your organisation signs in with single sign-on: use “Sign in with SSO”.',
          } satisfies AuthRefusal);
        const error =
          'adminToken' in input
            ? 'That is not the platform admin token.'
            : 'Wrong email or password, or this account is not an active admin.';
        return void res.status(401).json({ error } satisfies AuthRefusal);
      }
      await deps.signInLimiter.succeeded(attempt);
      if (!result.ok)
        return void res
          .status(409)
          .json({ error: 'Pick the organisation to sign in to.', orgs: result.orgs } satisfies AuthRefusal);
      // The session just opened is the one to show: no second read of it.
      const { token, session } = result;
      setSessionCookie(res, { token, kind: session.kind }, deps.secure);
      deps.logger.info({ kind: session.kind, orgId: session.orgId, userId: session.userId }, 'web sign-in');
      res.json(await sessionView(deps.db, token, session));
    } catch (error) {
      if (isAppError(error) && error.code === 'RATE_LIMITED') audit('limited');
      sendAppError(res, error);
    }
  };
}
