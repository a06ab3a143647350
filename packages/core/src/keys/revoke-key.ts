import type { Clock } from '../clock.ts';
import { AppError } from '../errors/app-error.ts';
import type { KeyRecord } from './key-record.ts';
import type { KeyRepository } from './key-repository.ts';

/** An admin revokes a key. Effective on the next request: auth reads the key every time. */
export async function revokeKey(
  deps: { keys: KeyRepository; clock: Clock },
  { orgId, keyId }: { orgId: string; keyId: string },
): Promise<KeyRecord> {
  const revoked = await deps.keys.revoke(orgId, keyId, { reason: 'revoked', now: deps.clock.now() });
  if (revoked) return revoked;
  const existing = await deps.keys.findById(orgId, keyId);
  if (!existing) throw new AppError('NOT_FOUND', { message: `key ${keyId} not found` });
  return existing;
}
