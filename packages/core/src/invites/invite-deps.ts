import type { Clock } from '../clock.ts';
import type { UserRecord } from '../users/user-record.ts';
import type { InviteDispatcher, InviteMailer, InviteOrgLookup, InviteRepository } from './invite-ports.ts';

/** The user operations invites need. */
export interface InviteUsers {
  findById(orgId: string, id: string): Promise<UserRecord | null>;
  /** invited → active with the password hash (if any); false when the user is not `invited`. */
  markAccepted(orgId: string, id: string, accepted: { passwordHash?: string; now: Date }): Promise<boolean>;
}

export type InviteDeps = {
  invites: InviteRepository;
  users: InviteUsers;
  orgs: InviteOrgLookup;
  clock: Clock;
};

export type InviteSendDeps = InviteDeps & {
  mailer: InviteMailer;
  publicUrl: string;
  /** A send claim older than this is presumed dead (worker killed mid-send); default 2 min. */
  claimTimeoutMs?: number;
  /** How to wait between tries of recording a sent mail (default a timer; tests advance their clock). */
  pause?: (ms: number) => Promise<void>;
};
export type InviteIssueDeps = Pick<InviteDeps, 'invites' | 'clock'> & {
  dispatcher: InviteDispatcher;
  /** Told when dispatch fails; the invite stays pending and the sweeper retries. */
  onDispatchError?: (error: unknown, inviteId: string) => void;
};
