import { SAML, SamlStatusError, ValidateInResponseTo } from '@node-saml/node-saml';
import { readAssertionFields, readResponseEnvelope } from './assertion-fields.ts';
import { identityOf } from './attribute-mapping.ts';
import type { AttributeMapping, SamlIdentity } from './attribute-mapping.ts';
import { pemOf } from './certificate.ts';
import { SamlRefusal } from './saml-problem.ts';
import type { SamlRefusalReason } from './saml-problem.ts';
import type { SpEndpoints } from './sp-endpoints.ts';

/** At most this much clock difference between the IdP and us (the limit). */
export const CLOCK_SKEW_MS = 2 * 60_000;
/** How long an assertion id is remembered when the assertion names no end (none of the big IdPs does that). */
const DEFAULT_REPLAY_WINDOW_MS = 60 * 60_000;

export type IdpSide = { entityId: string; ssoUrl: string; certificates: readonly string[] };

/** What the ACS needs beyond the XML: shared storage, so every replica sees every request and assertion. */
export type AcsStores = {
  /** Uses up a request id this server issued for this org; false when unknown, expired or already used. */
  takeRequest(requestId: string): Promise<boolean>;
  /** Records an assertion id until `until`; false when it was already recorded (a replay). */
  rememberAssertion(assertionId: string, until: Date): Promise<boolean>;
};

export type VerifyResponseOptions = {
  sp: SpEndpoints;
  idp: IdpSide;
  mapping: AttributeMapping;
  /** Accept responses that answer no request of ours (IdP-initiated). Off by default. */
  idpInitiated: boolean;
  stores: AcsStores;
  /** The base64 `SAMLResponse` form field. */
  samlResponse: string;
  now: Date;
};

export type VerifiedResponse = { identity: SamlIdentity; assertionId: string; inResponseTo: string | null };

const refuse = (reason: SamlRefusalReason, message: string): never => {
  throw new SamlRefusal(reason, message);
};

function libraryRefusal(err: unknown): SamlRefusal {
  if (err instanceof SamlStatusError) return new SamlRefusal('idp_status', 'the identity provider refused the sign-in');
  const message = err instanceof Error ? err.message : '';
  if (/not yet valid/.test(message)) return new SamlRefusal('not_yet_valid', 'the assertion is not valid yet');
  if (/expired/.test(message)) return new SamlRefusal('expired', 'the assertion has expired');
  if (/audience|AudienceRestriction/i.test(message))
    return new SamlRefusal('audience', 'the assertion is meant for another service provider');
  if (/signature|signed data|multiple assertions/i.test(message))
    return new SamlRefusal('signature', 'the response carries no valid signature of the identity provider');
  return new SamlRefusal('malformed', 'the response is not a SAML response this server can read');
}

/**
 * The ACS's checks, in order: the signature (the assertion's, and the Response's when it
 * has one) against the org's certificates, audience and validity window (node-saml), then
 * what node-saml leaves to us: issuer, Destination, Recipient, the bearer confirmation's
 * window, InResponseTo against a request we issued (or IdP-initiated when allowed), and the
 * replay cache. Every refusal is a SamlRefusal naming its reason.
 */
export async function verifySamlResponse(options: VerifyResponseOptions): Promise<VerifiedResponse> {
  const { sp, idp, now } = options;
  const xml = Buffer.from(options.samlResponse, 'base64').toString('utf8');
  const envelope = readResponseEnvelope(xml);
  if (!envelope.isResponse) refuse('malformed', 'the form holds no SAML Response');
  const saml = new SAML({
    issuer: sp.entityId,
    audience: sp.entityId,
    callbackUrl: sp.acsUrl,
    entryPoint: idp.ssoUrl,
    idpCert: idp.certificates.map(pemOf),
    // Entra signs only the assertion by default; a Response signature, when present, must verify too.
    wantAssertionsSigned: !envelope.signed,
    wantAuthnResponseSigned: envelope.signed,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    validateInResponseTo: ValidateInResponseTo.never,
  });
  let profile: Record<string, unknown> | null;
  try {
    profile = (await saml.validatePostResponseAsync({ SAMLResponse: options.samlResponse })).profile;
  } catch (err) {
    throw libraryRefusal(err);
  }
  const assertionXml =
    profile && typeof profile['getAssertionXml'] === 'function'
      ? String((profile['getAssertionXml'] as () => string)())
      : '';
  if (!profile || !assertionXml) return refuse('malformed', 'the response holds no assertion');
  const fields = readAssertionFields(assertionXml);
  if (fields.issuer !== idp.entityId) refuse('issuer', 'the assertion comes from another identity provider');
  if (envelope.destination !== null && envelope.destination !== sp.acsUrl)
    refuse('destination', 'the response is addressed to another service provider');
  const bearer = fields.confirmations.find((c) => c.recipient === sp.acsUrl);
  if (!bearer) refuse('recipient', 'the assertion is meant for another service provider');
  const bearerEnd = bearer?.notOnOrAfter ? Date.parse(bearer.notOnOrAfter) : NaN;
  if (Number.isFinite(bearerEnd) && now.getTime() - CLOCK_SKEW_MS >= bearerEnd)
    refuse('expired', 'the assertion has expired');
  const inResponseTo = bearer?.inResponseTo ?? envelope.inResponseTo;
  if (envelope.inResponseTo && bearer?.inResponseTo && envelope.inResponseTo !== bearer.inResponseTo)
    refuse('in_response_to', 'the response answers another sign-in');
  if (!inResponseTo && !options.idpInitiated)
    refuse('idp_initiated', 'sign-in started at the identity provider is off for this organisation');
  if (inResponseTo && !(await options.stores.takeRequest(inResponseTo)))
    refuse('in_response_to', 'the response answers no sign-in this server started (or one already used)');
  if (!fields.id) return refuse('malformed', 'the assertion has no ID');
  const ends = [fields.notOnOrAfter, bearer?.notOnOrAfter]
    .map((t) => (t ? Date.parse(t) : NaN))
    .filter(Number.isFinite);
  const until = new Date((ends.length ? Math.max(...ends) : now.getTime() + DEFAULT_REPLAY_WINDOW_MS) + CLOCK_SKEW_MS);
  if (!(await options.stores.rememberAssertion(fields.id, until)))
    refuse('replayed', 'this assertion was already used to sign in');
  const identity = identityOf(profile, options.mapping);
  if (!identity) return refuse('no_email', 'the assertion carries no email address under the mapped attribute');
  return { identity, assertionId: fields.id, inResponseTo };
}
