import type { Clock } from '../clock.ts';
import type { OrgRepository } from '../orgs/org-repository.ts';
import type { SsoRepository } from '../sso/sso-repository.ts';
import type { UserRepository } from '../users/user-repository.ts';
import type { SessionRepository, SignInDirectory } from './session-repository.ts';

export type SessionDeps = {
  sessions: SessionRepository;
  directory: SignInDirectory;
  users: UserRepository;
  orgs: OrgRepository;
  /** Whose password sign-in "SSO required" refuses (everyone but the org's break-glass admins). */
  sso: Pick<SsoRepository, 'get'>;
  clock: Clock;
  /**
   * The SHA-256 of the configured `PROVISIO_ADMIN_TOKEN` (`hashPlatformToken`); null: no
   * platform web sessions. A platform session opened with another token does not resolve.
   */
  platformTokenHash: string | null;
};
