import type { Clock } from '../clock.ts';
import type { UserRepository } from '../users/user-repository.ts';
import type { ServiceAccountRepository } from '../service-accounts/service-account-repository.ts';
import type { KeyRepository } from './key-repository.ts';

/** Tells org admins, out of band, that a key the IdP relies on was revoked. Ids only. */
export interface KeyAlerts {
  keyRevoked(alert: { orgId: string; keyId: string }): Promise<void>;
}

export type KeyDeps = {
  keys: KeyRepository;
  users: Pick<UserRepository, 'findById'>;
  serviceAccounts: ServiceAccountRepository;
  clock: Clock;
};
