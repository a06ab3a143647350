export * from './sso-connection.ts';
export type { SsoRepository } from './sso-repository.ts';
export { domainOfEmail, normaliseDomain } from './email-domain.ts';
export { ssoWarnings, SSO_WARNING_CODES, SSO_WARNING_DAYS } from './sso-warnings.ts';
export type { SsoWarning } from './sso-warnings.ts';
export { decideSsoSignIn, SSO_SIGN_IN_REFUSALS } from './decide-sso-sign-in.ts';
export type { SsoSignInDecision, SsoSignInRefusal } from './decide-sso-sign-in.ts';
export { addSsoDomain, removeSsoDomain, setSsoIdp, updateSsoSettings, verifySsoDomain } from './manage-sso.ts';
export type { SsoDeps, SsoSettingsChanges } from './manage-sso.ts';
