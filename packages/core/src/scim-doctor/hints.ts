import type { Idp, RequestShape } from './traffic-record.ts';

export const HINT_CODES = [
  'entra-without-flag',
  'okta-groups-not-pushed',
  'username-collisions',
  'empty-emails',
  'rate-limited',
] as const;
export type HintCode = (typeof HINT_CODES)[number];

/** A misconfiguration the doctor recognised, what shows it, and how to fix it in the IdP. */
export type DoctorHint = { code: HintCode; title: string; evidence: string; fix: string };

/** One key's last 24 hours, added up over hours and replicas: what the hints read. */
export type HintInput = {
  idp: Idp;
  shapes: Partial<Record<RequestShape, number>>;
  userRequests: number;
  groupRequests: number;
  /** The org has groups (its roles or access follow them), so an IdP that pushes none leaves them stale. */
  orgUsesGroups: boolean;
  /** Requests per second each key may make (the org's limit), for the 429 hint. */
  keyRateLimit: number;
};

/** Repeated 409s, not the one Okta's own lookup-then-create race can cause. */
export const USERNAME_CONFLICTS_HINTED = 3;

const n = (shapes: HintInput['shapes'], shape: RequestShape) => shapes[shape] ?? 0;

/** The hints one key's signals call for (pure: the recorded fixtures drive its tests). */
export function hintsFor(input: HintInput): DoctorHint[] {
  const { shapes } = input;
  const hints: DoctorHint[] = [];
  const legacy = n(shapes, 'string-boolean') + n(shapes, 'capitalised-op') + n(shapes, 'member-remove-by-value');
  if (input.idp === 'entra' && legacy > 0)
    hints.push({
      code: 'entra-without-flag',
      title: 'Entra is configured without the aadOptscim062020 flag',
      evidence: `${legacy} request(s) in Entra's pre-2020 forms: string booleans ("True"/"False"), capitalised PATCH ops, member removals by value`,
      fix: "In Entra, append ?aadOptscim062020 to the provisioning Tenant URL (…/scim/v2?aadOptscim062020), save and restart provisioning. Provisio accepts both forms, but only the flag makes Entra's PATCH standard (on-demand provisioning ignores it).",
    });
  if (input.idp === 'okta' && input.orgUsesGroups && input.userRequests > 0 && input.groupRequests === 0)
    hints.push({
      code: 'okta-groups-not-pushed',
      title: 'Okta pushes users but no groups, while this org uses groups',
      evidence: `${input.userRequests} User request(s) and no Group request in 24 h`,
      fix: 'In Okta, open the app → Provisioning → To App and enable "Push Groups", then on the Push Groups tab push the groups this org uses. Without it, memberships (and the roles they give) never change here.',
    });
  if (n(shapes, 'username-conflict') >= USERNAME_CONFLICTS_HINTED)
    hints.push({
      code: 'username-collisions',
      title: 'The IdP keeps sending userNames that are already taken',
      evidence: `${n(shapes, 'username-conflict')} User write(s) refused 409 (uniqueness) in 24 h`,
      fix: "userNames are unique ignoring case (RFC 7643): two people in the IdP have userNames that differ only in case, or a user was created here by hand. Make the userName source unique ignoring case (Okta: the app's username format; Entra: the userName mapping, e.g. userPrincipalName), or remove the duplicate assignment.",
    });
  if (n(shapes, 'empty-email') > 0)
    hints.push({
      code: 'empty-emails',
      title: 'The attribute mapping sends empty emails',
      evidence: `${n(shapes, 'empty-email')} request(s) with an empty email value in 24 h`,
      fix: 'Map emails from an attribute every user has (Entra: mail, or Coalesce([mail], [userPrincipalName]); Okta: email), or fill in the missing values in the directory. Users without an email get no invite.',
    });
  if (n(shapes, 'rate-limited') > 0)
    hints.push({
      code: 'rate-limited',
      title: "The IdP sends faster than this org's plan allows",
      evidence: `${n(shapes, 'rate-limited')} request(s) refused 429 by the per-key limit (${input.keyRateLimit}/s, bursts of ${input.keyRateLimit * 2}) in 24 h`,
      fix: "Nothing is lost (IdPs retry 429s later), but syncs slow down. Lower the IdP's request rate (Okta: the app's rate limit in the Admin Console; Entra backs off by itself), or ask the platform admin to raise the org's limit (pnpm cli org set-rate-limit).",
    });
  return hints;
}
