import type { Clock, Principal } from '@provisio/core';
import { authenticateKey } from '@provisio/core/keys';
import type { KeyRepository } from '@provisio/core/keys';
import type { Logger } from '@provisio/logger';
import { platformTokenResolver } from '../http/platform-token.ts';
import type { PrincipalResolver } from '../http/trpc-endpoint.ts';

export type KeyResolverOptions = {
  keys: KeyRepository;
  clock: Clock;
  logger: Logger;
  /** `PROVISIO_ADMIN_TOKEN`: platform operations only (create an org, set its plan). */
  adminToken: string;
};

/**
 * The production resolver: the platform token → `{ kind: 'platform' }`; an application
 * key → its org principal; anything else → null (401). A revoked key throws
 * AppError UNAUTHENTICATED whose message says why, for the 401 `detail`. `keys` may be
 * the credential cache's (`createCredentialCache`), which every replica drops on a
 * revocation, so a revocation is effective on the very next request.
 */
export function createKeyResolver({ keys, clock, logger, adminToken }: KeyResolverOptions): PrincipalResolver {
  const isPlatform = platformTokenResolver(adminToken);
  const onTouchError = (err: unknown) => logger.warn({ err }, 'could not record key use');
  return async (token: string): Promise<Principal | null> =>
    isPlatform(token) ?? (await authenticateKey({ keys, clock, onTouchError }, token));
}
