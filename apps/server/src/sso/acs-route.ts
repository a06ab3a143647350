import { completeSsoSignIn } from '@provisio/api/sso-sign-in';
import type { SsoSignInRequest } from '@provisio/api/sso-sign-in';
import { newAuditEvent } from '@provisio/core/audit';
import { openSession } from '@provisio/core/sessions';
import { issueSignInCode } from '@provisio/core/sso';
import { isSafeRelayState, SamlRefusal, spEndpoints, verifySamlResponse } from '@provisio/saml';
import type { Request, Response } from 'express';
import { setSessionCookie } from '../web/session-cookie.ts';
import type { WebDeps } from '../web/web-deps.ts';
import { continuePage, refusedPage } from './sso-pages.ts';
import type { SsoRouteDeps } from './sso-router.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * `POST /sso/saml/:orgId/acs`: the IdP's answer. Every check is `verifySamlResponse`'s; then
 * the org decides (session, invite accepted, JIT, refusal). Refusals are 4xx pages and audit
 * events in the org's ledger, never 5xx.
 */
export function acsRoute(deps: SsoRouteDeps & Pick<WebDeps, 'secure'>) {
  return async (req: Request<{ orgId: string }>, res: Response): Promise<void> => {
    res.set('Cache-Control', 'no-store');
    const { orgId } = req.params;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const samlResponse = text(body['SAMLResponse']);
    const relayState = text(body['RelayState']) ?? '';
    const request: SsoSignInRequest = {
      method: 'POST',
      path: `/sso/saml/${orgId}/acs`,
      userAgent: req.headers['user-agent'] ?? null,
      address: req.ip ?? null,
      requestId: String(res.getHeader('X-Request-Id') ?? '') || null,
    };
    const [org, connection] = await Promise.all([deps.db.orgs.findById(orgId), deps.db.sso.get(orgId)]);
    if (!org || !connection.idp)
      return void res.status(404).type('html').send(refusedPage('This organisation has no single sign-on set up.'));
    const refuse = async (status: number, reason: string, message: string) => {
      await deps.db.audit.insert(
        newAuditEvent(deps.clock.now(), {
          ...request,
          orgId,
          surface: 'web',
          actor: { type: 'anonymous', account: null },
          action: 'sso.signIn',
          status,
          outcome: 'failure',
          notes: [`SAML response refused (${reason}): ${message}`],
        }),
      );
      res
        .status(status)
        .type('html')
        .send(refusedPage(`${message}.`));
    };
    if (!samlResponse) return refuse(400, 'malformed', 'The sign-in form carried no SAML response');
    if (relayState && !isSafeRelayState(relayState))
      return refuse(400, 'relay_state', 'The sign-in asked to continue to another site, which is not allowed');
    const now = deps.clock.now();
    let verified;
    let returnUrl: string | null = null;
    try {
      verified = await verifySamlResponse({
        sp: spEndpoints(deps.publicUrl, orgId),
        idp: { ...connection.idp, certificates: connection.idp.certificates.map((c) => c.der) },
        mapping: connection.mapping,
        idpInitiated: connection.idpInitiated,
        stores: {
          takeRequest: async (id) => {
            const taken = await deps.db.sso.takeRequest(orgId, id, now);
            returnUrl = taken?.returnUrl ?? null;
            return taken !== null;
          },
          rememberAssertion: (id, until) => deps.db.sso.rememberAssertion(orgId, id, until),
        },
        samlResponse,
        now,
      });
    } catch (err) {
      if (err instanceof SamlRefusal) return refuse(403, err.reason, capitalised(err.message));
      throw err;
    }
    const result = await completeSsoSignIn(deps, { orgId, identity: verified.identity, request });
    if (!result.ok) return void res.status(403).type('html').send(refusedPage(result.message));
    deps.logger.info({ orgId, userId: result.userId, outcome: result.outcome }, 'sso sign-in');
    if (returnUrl) {
      // The product behind Provisio asked for this sign-in: it gets a code, whatever the role.
      const code = await issueSignInCode(
        { sso: deps.db.sso, clock: deps.clock },
        { orgId, userId: result.userId, returnUrl },
      );
      return void res.redirect(303, handOffUrl(returnUrl, { code, org: orgId }));
    }
    // Admins get the admin app; everyone else a member session that shows only their account.
    const admin = result.role === 'admin';
    const { token, session } = await openSession(
      { sessions: deps.db.sessions, clock: deps.clock },
      { kind: admin ? 'user' : 'member', orgId, userId: result.userId, platformTokenHash: null },
    );
    setSessionCookie(res, { token, kind: session.kind }, deps.secure);
    res.type('html').send(continuePage(admin ? relayState || '/' : '/account'));
  };
}

/** The return URL with the code and the org (whose key the product exchanges it with) added to its query. */
function handOffUrl(returnUrl: string, params: { code: string; org: string }): string {
  const url = new URL(returnUrl);
  url.searchParams.set('code', params.code);
  url.searchParams.set('org', params.org);
  return url.href;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
