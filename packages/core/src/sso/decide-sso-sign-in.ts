import type { UserStatus } from '../users/user-enums.ts';

/** Why an SSO sign-in that the IdP vouched for still gets no session. */
export const SSO_SIGN_IN_REFUSALS = {
  deactivated: 'Your account in this organisation is deactivated. Ask your IT admin to restore it.',
  not_assigned: 'You have no account in this organisation yet. Ask your IT admin to assign you the app.',
  ambiguous: 'More than one account in this organisation has your email. Ask your IT admin to fix it.',
} as const;
export type SsoSignInRefusal = keyof typeof SSO_SIGN_IN_REFUSALS;

export type SsoSignInDecision =
  | { kind: 'sign_in'; userId: string }
  /** The sign-in proves the person controls the account: their pending invite is accepted by it. */
  | { kind: 'accept_invite'; userId: string }
  | { kind: 'create_jit' }
  | { kind: 'refuse'; reason: SsoSignInRefusal };

/**
 * What an IdP-verified sign-in does, from the org's users that have the asserted email (as
 * userName or as an email) and the org's JIT switch.
 */
export function decideSsoSignIn(
  matches: ReadonlyArray<{ id: string; status: UserStatus }>,
  jitEnabled: boolean,
): SsoSignInDecision {
  const unique = [...new Map(matches.map((m) => [m.id, m])).values()];
  if (unique.length > 1) return { kind: 'refuse', reason: 'ambiguous' };
  const [user] = unique;
  if (!user) return jitEnabled ? { kind: 'create_jit' } : { kind: 'refuse', reason: 'not_assigned' };
  if (user.status === 'deactivated') return { kind: 'refuse', reason: 'deactivated' };
  if (user.status === 'invited') return { kind: 'accept_invite', userId: user.id };
  return { kind: 'sign_in', userId: user.id };
}
