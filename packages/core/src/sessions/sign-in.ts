import { isPlatformToken } from '../auth/platform-token.ts';
import { hashPassword, needsRehash, verifyPassword } from '../users/hash-password.ts';
import { upgradePasswordHash } from '../users/upgrade-password-hash.ts';
import type { SessionDeps } from './session-deps.ts';
import type { SignInAccount, SignInFailureReason } from './audit-sign-in-failure.ts';
import { signInAccountKey } from './sign-in-account.ts';
import { SESSION_LIFETIMES } from './session-record.ts';
import type { AdminSessionRecord, SessionKind, SessionRecord } from './session-record.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';

/** At most this many accounts are tried for one email (each try is one scrypt). */
const MAX_CANDIDATES = 10;

export type SignInResult =
  | { ok: true; token: string; session: AdminSessionRecord }
  /** Wrong password, no such admin, or not the admin token: one answer to the caller; `accounts` (tried, none opened) are for the ledger. */
  | { ok: false; reason: Exclude<SignInFailureReason, 'limited'>; accounts: SignInAccount[] }
  /** The password opens admin accounts in several orgs: sign in again with one of them. */
  | { ok: false; reason: 'choose_org'; orgs: Array<{ id: string; name: string }> };

/** "SSO required" refuses a password to every admin of the org but its break-glass accounts. */
async function ssoRequiredFor(deps: SessionDeps, account: { orgId: string; userId: string }): Promise<boolean> {
  const org = await deps.orgs.findById(account.orgId);
  if (!org?.settings.ssoEnabled) return false;
  return !(await deps.sso.get(account.orgId)).breakGlassAdminIds.includes(account.userId);
}

let decoy: Promise<string> | undefined;
/** A hash to verify against when no account matched, so timing does not tell which emails exist. */
const decoyHash = () => (decoy ??= hashPassword('decoy password that matches nothing'));

/** Opens a session of a kind; the token goes into the cookie and nowhere else. */
export async function openSession<K extends SessionKind>(
  deps: Pick<SessionDeps, 'sessions' | 'clock'>,
  fields: Pick<SessionRecord, 'orgId' | 'userId' | 'platformTokenHash'> & { kind: K },
) {
  const now = deps.clock.now();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIMES[fields.kind].absoluteMs);
  const session: SessionRecord & { kind: K } = {
    ...fields,
    idHash: hashSessionToken(token),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  };
  await deps.sessions.insert(session);
  return { token, session };
}

/**
 * The platform admin signs in with the admin token. The session is bound to the token's
 * hash: it ends when the configured token changes.
 */
export async function signInAsPlatform(
  deps: Pick<SessionDeps, 'sessions' | 'clock' | 'platformTokenHash'>,
  adminToken: string,
): Promise<SignInResult> {
  if (!isPlatformToken(adminToken, deps.platformTokenHash))
    return { ok: false, reason: 'wrong_admin_token', accounts: [] };
  const { token, session } = await openSession(deps, {
    kind: 'platform',
    orgId: null,
    userId: null,
    platformTokenHash: deps.platformTokenHash,
  });
  return { ok: true, token, session };
}

/**
 * An org admin signs in with the email (or userName) and the password they set when
 * accepting their invite. Only `active` users with role `admin` qualify. A hash made with
 * older scrypt parameters is replaced by one with the current parameters on the way in.
 */
export async function signInWithPassword(
  deps: SessionDeps,
  { email, password, orgId }: { email: string; password: string; orgId?: string },
): Promise<SignInResult> {
  const all = await deps.directory.candidates(signInAccountKey(email));
  const candidates = all.filter((c) => !orgId || c.orgId === orgId).slice(0, MAX_CANDIDATES);
  if (candidates.length === 0) {
    await verifyPassword(password, await decoyHash());
    return { ok: false, reason: 'unknown_account', accounts: [] };
  }
  const matched = [];
  for (const candidate of candidates)
    if (await verifyPassword(password, candidate.passwordHash)) matched.push(candidate);
  const [only, ...others] = matched;
  if (!only)
    return {
      ok: false,
      reason: 'wrong_password',
      accounts: candidates.map(({ orgId, userId }) => ({ orgId, userId })),
    };
  if (others.length)
    return { ok: false, reason: 'choose_org', orgs: matched.map((c) => ({ id: c.orgId, name: c.orgName })) };
  if (await ssoRequiredFor(deps, only))
    return { ok: false, reason: 'sso_required', accounts: [{ orgId: only.orgId, userId: only.userId }] };
  if (needsRehash(only.passwordHash))
    await upgradePasswordHash(deps, { orgId: only.orgId, userId: only.userId, password, version: only.version });
  const { token, session } = await openSession(deps, {
    kind: 'user',
    orgId: only.orgId,
    userId: only.userId,
    platformTokenHash: null,
  });
  return { ok: true, token, session };
}
