import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import { bareReturnUrl } from './return-url.ts';
import type { SsoRepository } from './sso-repository.ts';

/** How long a hand-off code may be exchanged after the sign-in that issued it. */
export const SIGN_IN_CODE_TTL_MS = 60_000;

/** A hand-off code as stored: only its hash, so a database read cannot redeem one. */
export type SignInCodeRecord = {
  /** sha256 (hex) of the code. */
  codeHash: string;
  orgId: string;
  userId: string;
  /** The allow-listed URL the code was sent to, without its query; the exchange must name the same one. */
  returnUrl: string;
  expiresAt: Date;
};

export type SignInCodeDeps = { sso: Pick<SsoRepository, 'saveCode' | 'claimCode'>; clock: Clock };

export const hashSignInCode = (code: string): string => createHash('sha256').update(`sso-code:${code}`).digest('hex');

/** Issues a single-use code for a signed-in user, valid `SIGN_IN_CODE_TTL_MS`, to send to `returnUrl`. */
export async function issueSignInCode(
  deps: SignInCodeDeps,
  { orgId, userId, returnUrl }: { orgId: string; userId: string; returnUrl: string },
): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + SIGN_IN_CODE_TTL_MS);
  await deps.sso.saveCode({
    codeHash: hashSignInCode(code),
    orgId,
    userId,
    returnUrl: bareReturnUrl(returnUrl),
    expiresAt,
  });
  return code;
}

/**
 * Redeems a code once: the user id it was issued for. Unknown, used, expired, another org's
 * and another return URL's codes are one refusal (which one is not said), and a refused
 * attempt does not use the code up. `returnUrl` is compared without its query.
 */
export async function claimSignInCode(
  deps: SignInCodeDeps,
  { orgId, code, returnUrl }: { orgId: string; code: string; returnUrl: string },
): Promise<string> {
  const userId = await deps.sso.claimCode({
    codeHash: hashSignInCode(code),
    orgId,
    returnUrl: bareReturnUrl(returnUrl),
    now: deps.clock.now(),
  });
  if (!userId)
    throw new AppError('BAD_REQUEST', {
      message: 'unknown, used or expired sign-in code (or another return URL)',
      userMessage: 'This sign-in code is unknown, used or expired: sign in again.',
    });
  return userId;
}
