import { AppError } from '../errors/app-error.ts';
import { hashPassword } from '../users/hash-password.ts';
import { assertPasswordPolicy } from '../users/password-policy.ts';
import type { InviteDeps } from './invite-deps.ts';
import { hashInviteToken } from './invite-token.ts';
import { viewInvite } from './view-invite.ts';

export type AcceptInviteOptions = {
  token: string;
  /** Required unless the org signs in through SSO. */
  password?: string;
};

export type AcceptInviteResult =
  | { ok: true; orgId: string; userId: string; signIn: 'password' | 'sso' }
  | { ok: false; problem: Exclude<Awaited<ReturnType<typeof viewInvite>>, { ok: true }>['problem'] };

/**
 * Accepts an invite: the token is used up (sent → accepted, atomically, so two clicks
 * cannot both win) and the user becomes active with their password, or is sent to SSO.
 */
export async function acceptInvite(
  deps: InviteDeps,
  { token, password }: AcceptInviteOptions,
): Promise<AcceptInviteResult> {
  const view = await viewInvite(deps, { token });
  if (!view.ok) return { ok: false, problem: view.problem };
  if (!view.ssoEnabled) {
    if (!password)
      throw new AppError('BAD_REQUEST', { message: 'a password is required', userMessage: 'Choose a password.' });
    assertPasswordPolicy(password, [view.userName, ...(view.email ? [view.email] : [])]);
  }
  // Hash before taking the token, so a slow hash never leaves a used token with no password.
  const passwordHash = view.ssoEnabled || !password ? undefined : await hashPassword(password);
  const now = deps.clock.now();
  const invite = await deps.invites.accept(hashInviteToken(token), now);
  if (!invite) return { ok: false, problem: 'used' };
  const activated = await deps.users.markAccepted(invite.orgId, invite.userId, {
    ...(passwordHash ? { passwordHash } : {}),
    now,
  });
  if (!activated) return { ok: false, problem: 'unavailable' };
  return { ok: true, orgId: invite.orgId, userId: invite.userId, signIn: view.ssoEnabled ? 'sso' : 'password' };
}
