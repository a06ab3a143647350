import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import type { KeyRepository } from './key-repository.ts';
import { parseKeyToken, secretMatches } from './key-token.ts';
import { revocationMessage } from './revocation-message.ts';

export type AuthenticateKeyDeps = {
  keys: KeyRepository;
  clock: Clock;
  /** Told when the `lastUsedAt` stamp fails; auth does not fail for it. */
  onTouchError?: (error: unknown) => void;
};

/**
 * The org principal of an application key, or null when the token is not a key of ours
 * (bad shape, unknown id, wrong secret). A revoked key throws UNAUTHENTICATED whose
 * message says why, but only to a caller who holds the real secret.
 */
export async function authenticateKey(
  deps: AuthenticateKeyDeps,
  token: string,
): Promise<Extract<Principal, { kind: 'org' }> | null> {
  const parsed = parseKeyToken(token);
  if (!parsed) return null;
  const found = await deps.keys.findForAuth(parsed.keyId);
  if (!found || !secretMatches(parsed.secret, found.secretHash)) return null;
  const { key } = found;
  if (key.revokedAt) throw new AppError('UNAUTHENTICATED', { message: revocationMessage(key) });
  // Throttled by the repository (once a minute per key and process): usually no write at all.
  await deps.keys
    .noteUse(key.orgId, key.id, { field: 'lastUsedAt', now: deps.clock.now() })
    .catch((error: unknown) => deps.onTouchError?.(error));
  return { kind: 'org', orgId: key.orgId, scopes: key.scopes, keyId: key.id, ownerId: key.ownerId };
}
