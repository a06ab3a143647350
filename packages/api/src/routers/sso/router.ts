import { router } from '../../trpc.ts';
import { addDomain, removeDomain } from './domains.ts';
import { exchangeCode } from './exchange-code.ts';
import { getSso } from './get-sso.ts';
import { setIdp } from './set-idp.ts';
import { updateSso } from './update-sso.ts';

/**
 * The org's SAML SSO connection (admin scope), and the code hand-off's exchange (`users:read`).
 * Sign-in itself is the server's `/sso/saml/…` routes.
 */
export const ssoRouter = router({ get: getSso, setIdp, update: updateSso, addDomain, removeDomain, exchangeCode });
