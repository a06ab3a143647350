import { randomBytes } from 'node:crypto';
import { SAML } from '@node-saml/node-saml';
import type { SpEndpoints } from './sp-endpoints.ts';
import type { IdpSide } from './verify-response.ts';

/** How long the IdP has to answer a sign-in we start (the person may need to type a password and a second factor). */
export const REQUEST_TTL_MS = 10 * 60_000;

/** A fresh AuthnRequest id: an NCName (starts with `_`), 160 random bits. */
export const newRequestId = () => `_${randomBytes(20).toString('hex')}`;

/** The deployment's SP signing key pair (PEM), when it signs its AuthnRequests. */
export type SpSigning = { privateKey: string; certPem: string };

/** node-saml's options for signing: RSA-SHA256 over the HTTP-Redirect query (node-saml's default is SHA-1). */
const signingOptions = (signing: SpSigning | undefined) =>
  signing ? { privateKey: signing.privateKey, signatureAlgorithm: 'sha256' as const } : {};

/**
 * The HTTP-Redirect URL of an AuthnRequest with id `requestId` (the caller stores it, so the
 * ACS can tell its answer from an unsolicited one). Signed (`SigAlg`, `Signature`) when the
 * deployment has an SP key; unsigned otherwise, and the IdP is told so in set-up.
 */
export async function authnRequestUrl(
  sp: SpEndpoints,
  idp: Pick<IdpSide, 'ssoUrl' | 'certificates'>,
  requestId: string,
  relayState: string,
  signing?: SpSigning,
): Promise<string> {
  const saml = new SAML({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    entryPoint: idp.ssoUrl,
    idpCert: [...idp.certificates],
    generateUniqueId: () => requestId,
    // Okta and Entra send the email as NameID by default; "unspecified" lets each IdP choose.
    identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    disableRequestedAuthnContext: true,
    ...signingOptions(signing),
  });
  return saml.getAuthorizeUrlAsync(relayState, undefined, {});
}

/**
 * SP metadata (no encryption key): entity id and ACS, for IdPs that import it; with an SP key,
 * `AuthnRequestsSigned="true"` and its certificate as the signing key.
 */
export function spMetadataXml(sp: SpEndpoints, signing?: SpSigning): string {
  const saml = new SAML({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    idpCert: 'unused',
    identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    wantAssertionsSigned: true,
    ...signingOptions(signing),
  });
  return saml.generateServiceProviderMetadata(null, signing?.certPem);
}
