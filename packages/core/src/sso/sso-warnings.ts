import type { SsoConnection } from './sso-connection.ts';

export const SSO_WARNING_CODES = ['certificate_expiring', 'certificate_expired', 'no_recent_sign_in'] as const;
export type SsoWarning = { code: (typeof SSO_WARNING_CODES)[number]; message: string };

const DAY_MS = 86_400_000;
/** How far ahead a certificate's end is warned about, and how long without a sign-in is worth a look. */
export const SSO_WARNING_DAYS = 30;

/** What the SSO page warns about: a signing certificate ending within 30 days, no sign-in in 30 days. */
export function ssoWarnings(connection: SsoConnection, now: Date): SsoWarning[] {
  if (!connection.idp) return [];
  const warnings: SsoWarning[] = [];
  for (const cert of connection.idp.certificates) {
    const left = Date.parse(cert.notAfter) - now.getTime();
    const day = cert.notAfter.slice(0, 10);
    if (left <= 0)
      warnings.push({
        code: 'certificate_expired',
        message: `The IdP certificate ${cert.fingerprint.slice(0, 11)}… expired on ${day}: load the IdP's new metadata.`,
      });
    else if (left <= SSO_WARNING_DAYS * DAY_MS)
      warnings.push({
        code: 'certificate_expiring',
        message: `The IdP certificate ${cert.fingerprint.slice(0, 11)}… expires on ${day}: load the IdP's metadata again once it has a new one (both work meanwhile).`,
      });
  }
  // Never signed in: counted from the IdP's first set-up (later edits do not reset it).
  const last = connection.lastSignInAt ? Date.parse(connection.lastSignInAt) : null;
  const since = last ?? (connection.connectedAt ? Date.parse(connection.connectedAt) : now.getTime());
  if (now.getTime() - since > SSO_WARNING_DAYS * DAY_MS)
    warnings.push({
      code: 'no_recent_sign_in',
      message: last
        ? `No one has signed in through SSO since ${new Date(last).toISOString().slice(0, 10)}: check the IdP still assigns the app.`
        : `No one has signed in through SSO since it was set up on ${new Date(since).toISOString().slice(0, 10)}: try it, and check the IdP assigns the app.`,
    });
  return warnings;
}
