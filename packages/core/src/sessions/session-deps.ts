import type { Clock } from '../clock.ts';
import type { OrgRepository } from '../orgs/org-repository.ts';
import type { UserRepository } from '../users/user-repository.ts';
import type { SessionRepository, SignInDirectory } from './session-repository.ts';

export type SessionDeps = {
  sessions: SessionRepository;
  directory: SignInDirectory;
  users: UserRepository;
  orgs: OrgRepository;
  clock: Clock;
};
