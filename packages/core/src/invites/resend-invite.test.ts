import { describe, expect, it } from 'vitest';
import { fixedClock } from '../testing/fixed-clock.ts';
import type { UserRecord } from '../users/user-record.ts';
import type { InviteUsers } from './invite-deps.ts';
import type { InviteRepository } from './invite-ports.ts';
import type { InviteRecord } from './invite-record.ts';
import { resendInvite } from './resend-invite.ts';

const MINUTE = 60_000;

/** The invite ports resendInvite reaches, in memory: versions per user, and the jobs dispatched. */
function setup(status: UserRecord['status'] = 'invited') {
  const clock = fixedClock();
  const rows: InviteRecord[] = [];
  const dispatched: string[] = [];
  const invites = {
    insertNext(orgId, { id, userId, now }) {
      const version = rows.filter((r) => r.userId === userId).length + 1;
      const row: InviteRecord = {
        id,
        orgId,
        userId,
        version,
        state: 'pending',
        tokenHash: null,
        expiresAt: null,
        dispatch: 1,
        claims: 0,
        dispatchedAt: now,
        claimedAt: null,
        sentAt: null,
        acceptedAt: null,
        failedReason: null,
        lastError: null,
        createdAt: now,
      };
      rows.push(row);
      return Promise.resolve(row);
    },
    latestForUser: (_orgId, userId) => Promise.resolve(rows.filter((r) => r.userId === userId).at(-1) ?? null),
    countCreatedSince: (_orgId, userId, since) =>
      Promise.resolve(rows.filter((r) => r.userId === userId && r.createdAt >= since).length),
    markUndispatched: () => Promise.resolve(),
  } as Partial<InviteRepository> as InviteRepository;
  const users: InviteUsers = {
    findById: (_orgId, id) => Promise.resolve(id === 'ann' ? ({ id, status } as UserRecord) : null),
    markAccepted: () => Promise.resolve(false),
  };
  const dispatcher = {
    dispatch: (job: { inviteId: string }) => Promise.resolve(void dispatched.push(job.inviteId)),
    isQueued: () => Promise.resolve(false),
  };
  return { clock, rows, dispatched, deps: { invites, users, clock, dispatcher } };
}

describe('resendInvite', () => {
  it('issues and dispatches a new version for an invited user', async () => {
    const { deps, dispatched } = setup();
    const invite = await resendInvite(deps, { orgId: 'o', userId: 'ann' });
    expect(invite).toMatchObject({ userId: 'ann', version: 1 });
    expect(dispatched).toEqual([invite.id]);
  });

  it('allows one a minute, with the seconds to wait', async () => {
    const { deps, clock } = setup();
    await resendInvite(deps, { orgId: 'o', userId: 'ann' });
    clock.advance(20_000);
    await expect(resendInvite(deps, { orgId: 'o', userId: 'ann' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 40,
    });
    clock.advance(40_000);
    await expect(resendInvite(deps, { orgId: 'o', userId: 'ann' })).resolves.toMatchObject({ version: 2 });
  });

  it('allows five an hour, then refuses until the oldest is an hour old', async () => {
    const { deps, clock, rows } = setup();
    for (let i = 0; i < 5; i++) {
      await resendInvite(deps, { orgId: 'o', userId: 'ann' });
      clock.advance(2 * MINUTE);
    }
    await expect(resendInvite(deps, { orgId: 'o', userId: 'ann' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 3600,
    });
    expect(rows).toHaveLength(5);
    // The first of the five leaves the hour: a sixth is allowed.
    clock.advance(60 * MINUTE - 10 * MINUTE + 1);
    await expect(resendInvite(deps, { orgId: 'o', userId: 'ann' })).resolves.toMatchObject({ version: 6 });
  });

  it('refuses users that are not waiting to accept, and unknown ones, issuing nothing', async () => {
    const active = setup('active');
    await expect(resendInvite(active.deps, { orgId: 'o', userId: 'ann' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(active.deps.invites.latestForUser('o', 'ann')).resolves.toBeNull();
    await expect(resendInvite(setup().deps, { orgId: 'o', userId: 'bob' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
