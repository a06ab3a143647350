import type { Clock } from '@provisio/core';
import { allowedReturnUrl, domainOfEmail } from '@provisio/core/sso';
import { SsoStartInput } from '@provisio/api/web-auth';
import type { AuthRefusal, SsoStart } from '@provisio/api/web-auth';
import type { Db } from '@provisio/db';
import type { Logger } from '@provisio/logger';
import {
  authnRequestUrl,
  isSafeRelayState,
  newRequestId,
  pemOf,
  REQUEST_TTL_MS,
  spEndpoints,
  spMetadataXml,
} from '@provisio/saml';
import type { SpSigning } from '@provisio/saml';
import type { Queue } from 'bullmq';
import express, { Router } from 'express';
import type { Request, Response } from 'express';
import { accountRouter } from './account-router.ts';
import { acsRoute } from './acs-route.ts';
import { refusedPage } from './sso-pages.ts';

export type SsoRouteDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
  queue?: Queue;
  /** The allow-listed hand-off URLs (`SSO_RETURN_URLS`, as `parseReturnUrlEntry` gives them). */
  returnUrls: readonly string[];
  /** Signs AuthnRequests (and the SP metadata says so) when the deployment has an SP key. */
  spSigning?: SpSigning;
};

/**
 * SAML sign-in: `/sso/saml/:orgId/metadata` (our SP metadata), `/sign-in` (SP-initiated: to the
 * IdP; `?return_to=` an allow-listed product URL for the code hand-off), `/acs` (the IdP's answer), and `POST /auth/sso` (the sign-in page's work email → the
 * org's sign-in URL, through a verified email domain).
 */
export function ssoRouter(deps: SsoRouteDeps & { secure: boolean }): Router {
  const router = Router();
  const base = '/sso/saml/:orgId';

  router.get(`${base}/metadata`, (req: Request<{ orgId: string }>, res: Response) => {
    res
      .type('application/samlmetadata+xml')
      .send(spMetadataXml(spEndpoints(deps.publicUrl, req.params.orgId), deps.spSigning));
  });

  router.get(`${base}/sign-in`, async (req: Request<{ orgId: string }>, res: Response) => {
    res.set('Cache-Control', 'no-store');
    const { orgId } = req.params;
    const next = typeof req.query['next'] === 'string' ? req.query['next'] : '/';
    if (!isSafeRelayState(next))
      return void res
        .status(400)
        .type('html')
        .send(refusedPage('After sign-in you can only go to a page of this site.'));
    const returnTo = req.query['return_to'];
    const returnUrl = typeof returnTo === 'string' ? allowedReturnUrl(returnTo, deps.returnUrls) : null;
    if (returnTo !== undefined && !returnUrl)
      return void res
        .status(400)
        .type('html')
        .send(refusedPage('This sign-in asked to return to an address this deployment does not allow.'));
    const connection = await deps.db.sso.get(orgId);
    if (!connection.idp)
      return void res.status(404).type('html').send(refusedPage('This organisation has no single sign-on set up.'));
    const requestId = newRequestId();
    const now = deps.clock.now();
    await deps.db.sso.saveRequest(orgId, requestId, {
      expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
      returnUrl,
    });
    const idp = { ssoUrl: connection.idp.ssoUrl, certificates: connection.idp.certificates.map((c) => pemOf(c.der)) };
    res.redirect(302, await authnRequestUrl(spEndpoints(deps.publicUrl, orgId), idp, requestId, next, deps.spSigning));
  });

  // Cross-site by nature (the IdP's page posts it): no Origin check, the SAML checks are the guard.
  router.post(`${base}/acs`, express.urlencoded({ extended: false, limit: '512kb' }), acsRoute(deps));

  router.use(accountRouter(deps));

  router.post('/auth/sso', express.json({ limit: '4kb' }), async (req: Request, res: Response) => {
    const input = SsoStartInput.safeParse(req.body);
    const domain = input.success ? domainOfEmail(input.data.email) : null;
    const orgId = domain ? await deps.db.sso.orgOfVerifiedDomain(domain) : null;
    if (!orgId)
      return void res.status(404).json({
        error:
          'No organisation signs in with SSO for this email domain: use your password, or your organisation’s sign-in link.',
      } satisfies AuthRefusal);
    res.json({ redirect: `/sso/saml/${encodeURIComponent(orgId)}/sign-in` } satisfies SsoStart);
  });

  return router;
}
