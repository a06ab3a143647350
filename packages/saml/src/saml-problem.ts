/**
 * Why a SAML input was refused. `config`: metadata or a certificate an admin gave;
 * `response`: what arrived at the ACS (the `reason` goes to the audit log and the tests).
 */
export const SAML_REFUSALS = [
  'malformed',
  'signature',
  'issuer',
  'audience',
  'destination',
  'recipient',
  'expired',
  'not_yet_valid',
  'in_response_to',
  'idp_initiated',
  'replayed',
  'idp_status',
  'no_email',
] as const;
export type SamlRefusalReason = (typeof SAML_REFUSALS)[number];

/** A SAML response the ACS refuses; `message` is safe to show and to log (no assertion content). */
export class SamlRefusal extends Error {
  constructor(
    readonly reason: SamlRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'SamlRefusal';
  }
}

/** IdP metadata, a metadata URL or a certificate an admin gave that cannot be used; `message` says why. */
export class SamlConfigProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SamlConfigProblem';
  }
}
