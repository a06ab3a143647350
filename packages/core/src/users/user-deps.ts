import type { Clock } from '../clock.ts';
import type { GroupRepository } from '../groups/group-repository.ts';
import type { UserRepository } from './user-repository.ts';

/** What the user and group services need; api builds it from the context. */
export type DomainDeps = { users: UserRepository; groups: GroupRepository; clock: Clock };
