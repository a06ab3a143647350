import { fixedClock } from './fixed-clock.ts';
import { memoryInvites } from './memory-invites.ts';
import type { UserRecord } from '../users/user-record.ts';
import type { InviteUsers } from '../invites/invite-deps.ts';
import type { InviteMailer } from '../invites/invite-ports.ts';
import type { InviteRecord } from '../invites/invite-record.ts';

type Mail = Parameters<InviteMailer['sendInvite']>[0];

/** Ann, invited, and the in-memory ports the invite rules reach: mails sent, users' states. */
export function inviteWorld(options: { rows?: InviteRecord[]; ssoEnabled?: boolean } = {}) {
  const clock = fixedClock();
  const { rows, invites } = memoryInvites(options.rows ?? []);
  const ann = {
    id: 'ann',
    orgId: 'o',
    userName: 'ann@example.com',
    status: 'invited',
    attributes: {
      userName: 'ann@example.com',
      displayName: 'Ann Example',
      emails: [{ value: 'ann@example.com', primary: true }],
    },
  } as unknown as UserRecord;
  const people = new Map<string, UserRecord & { passwordHash?: string }>([['ann', ann]]);
  const users: InviteUsers = {
    findById: (_orgId, id) => Promise.resolve(people.get(id) ?? null),
    markAccepted: (_orgId, id, { passwordHash }) => {
      const user = people.get(id);
      if (!user || user.status !== 'invited') return Promise.resolve(false);
      people.set(id, { ...user, status: 'active', ...(passwordHash ? { passwordHash } : {}) });
      return Promise.resolve(true);
    },
  };
  const orgs = {
    inviteSettings: () =>
      Promise.resolve({ name: 'Acme', inviteTtlHours: 48, ssoEnabled: options.ssoEnabled ?? false }),
  };
  const mails: Mail[] = [];
  let refuse: Error | null = null;
  const mailer: InviteMailer = {
    sendInvite: (mail) => {
      if (refuse) return Promise.reject(refuse);
      mails.push(mail);
      return Promise.resolve();
    },
  };
  return {
    clock,
    rows,
    people,
    mails,
    /** The next sends fail with `error` (null: they succeed again). */
    refuseWith: (error: Error | null) => void (refuse = error),
    deps: { invites, users, orgs, clock, mailer, publicUrl: 'https://app.example' },
  };
}
