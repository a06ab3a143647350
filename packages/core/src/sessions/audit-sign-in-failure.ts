import { PLATFORM_LEDGER } from '../audit/audit-event.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import type { AuditRepository } from '../audit/audit-repository.ts';
import { newAuditEvent } from '../audit/new-audit-event.ts';
import type { Clock } from '../clock.ts';

/** Why a sign-in failed, as the ledger says it. The caller's answer never tells these apart. */
export const SIGN_IN_FAILURES = {
  wrong_password: 'Sign-in failed: wrong password for this admin account.',
  unknown_account: 'Sign-in failed: no active admin account with a password has this name.',
  wrong_admin_token: 'Sign-in failed: not the platform admin token.',
  sso_required:
    'Sign-in refused: right password, but the org requires SSO and this admin is not one of its break-glass accounts.',
  limited: 'Sign-in refused unchecked: too many attempts from this address (for this account, or for all).',
} as const;
export type SignInFailureReason = keyof typeof SIGN_IN_FAILURES;

/** One admin account a sign-in named. */
export type SignInAccount = { orgId: string; userId: string };

export type SignInFailure = {
  reason: SignInFailureReason;
  /** The account as the lookup compares it (`signInAccountKey`); null for the platform admin token. */
  account: string | null;
  /** The admin accounts the name matched: each one's org gets the event. None: the platform ledger. */
  accounts: readonly SignInAccount[];
  request: Pick<AuditEvent, 'method' | 'path' | 'userAgent' | 'address' | 'requestId'>;
};

/**
 * Every failed sign-in is an audit event (never with the password or token): in the org of
 * each admin account it named, or, when it named none, in the platform ledger.
 */
export async function auditSignInFailure(
  deps: { audit: AuditRepository; clock: Clock },
  { reason, account, accounts, request }: SignInFailure,
): Promise<void> {
  const at = deps.clock.now();
  const targets = accounts.length ? accounts : [{ orgId: PLATFORM_LEDGER, userId: null }];
  const events = targets.map(({ orgId, userId }) =>
    newAuditEvent(at, {
      ...request,
      orgId,
      surface: 'web',
      actor: { type: 'anonymous', account },
      action: 'auth.signIn',
      resourceType: userId ? 'User' : null,
      resourceId: userId,
      status: reason === 'limited' ? 429 : reason === 'sso_required' ? 403 : 401,
      outcome: 'failure',
      notes: [SIGN_IN_FAILURES[reason]],
    }),
  );
  await Promise.all(events.map((event) => deps.audit.insert(event)));
}
