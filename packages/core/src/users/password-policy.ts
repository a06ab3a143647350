import { AppError } from '../errors/app-error.ts';
import { normaliseKey } from './normalise-key.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a password is refused, in words the person choosing it can act on; null when it is fine. */
export function passwordProblem(password: string, identities: readonly string[]): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (length > MAX_PASSWORD_LENGTH) return `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`;
  const key = normaliseKey(password.trim());
  if (identities.some((id) => normaliseKey(id.trim()) === key))
    return 'Choose a password other than your email address or user name.';
  return null;
}

/**
 * The one password policy, for everything that sets a password: at least 12 and at most
 * 256 characters (code points, after NFC), and not the account's email or userName in any
 * letter case. BAD_REQUEST with a message the person can act on.
 */
export function assertPasswordPolicy(password: string, identities: readonly string[]): void {
  const problem = passwordProblem(password, identities);
  if (problem) throw new AppError('BAD_REQUEST', { message: `password refused: ${problem}`, userMessage: problem });
}
