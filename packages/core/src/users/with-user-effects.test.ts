import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { fixedClock } from '../testing/fixed-clock.ts';
import { memoryInvites } from '../testing/memory-invites.ts';
import type { UserRecord } from './user-record.ts';
import type { NewUser, UserRepository } from './user-repository.ts';
import { withUserEffects } from './with-user-effects.ts';

const newUser = (status: UserRecord['status'] = 'invited') => ({ id: 'ann', status }) as NewUser;

/**
 * A user store that keeps what it is given and can fail the way a database does: before
 * the write, or after it (the write landed, its answer was lost).
 */
function world() {
  const stored = new Map<string, UserRecord>();
  let failure: { error: Error; afterWrite: boolean } | null = null;
  const users = {
    insert: (_orgId, user) => {
      if (failure && !failure.afterWrite) return Promise.reject(failure.error);
      const created = user as unknown as UserRecord;
      stored.set(user.id, created);
      return failure ? Promise.reject(failure.error) : Promise.resolve(created);
    },
  } as Partial<UserRepository> as UserRepository;
  const { rows, invites } = memoryInvites();
  const dispatched: { inviteId: string; userStored: boolean }[] = [];
  const dispatcher = {
    dispatch: (job: { inviteId: string; userId: string }) =>
      Promise.resolve(void dispatched.push({ inviteId: job.inviteId, userStored: stored.has(job.userId) })),
    isQueued: () => Promise.resolve(false),
  };
  const effects = withUserEffects(users, {
    audit: undefined,
    access: null,
    invites: { invites, clock: fixedClock(), dispatcher },
  });
  const failWith = (error: Error, afterWrite: boolean) => void (failure = { error, afterWrite });
  return { effects, stored, rows, dispatched, failWith };
}

describe('withUserEffects: a new user and their invite', () => {
  it('gives an invited user one invite, dispatched once the user is stored', async () => {
    const w = world();
    await w.effects.insert('o', newUser());
    expect(w.rows).toMatchObject([{ userId: 'ann', state: 'pending', version: 1 }]);
    expect(w.dispatched).toEqual([{ inviteId: w.rows[0]?.id, userStored: true }]);
  });

  it('invites nobody created active or deactivated', async () => {
    const w = world();
    await w.effects.insert('o', newUser('active'));
    await w.effects.insert('o', { ...newUser('deactivated'), id: 'bob' });
    expect(w.rows).toEqual([]);
  });

  it('leaves a pending invite for the sweep when the user write may have landed (its answer was lost)', async () => {
    const w = world();
    w.failWith(new Error('connection reset'), true);
    await expect(w.effects.insert('o', newUser())).rejects.toThrow('connection reset');
    expect(w.stored.has('ann')).toBe(true);
    expect(w.rows).toMatchObject([{ userId: 'ann', state: 'pending' }]);
  });

  it('creates no user when the invite cannot be stored', async () => {
    const w = world();
    const { rows } = w;
    rows.push = () => {
      throw new Error('connection reset');
    };
    await expect(w.effects.insert('o', newUser())).rejects.toThrow('connection reset');
    expect(w.stored.size).toBe(0);
  });

  it('removes the invite of a refused creation (nothing was written)', async () => {
    const w = world();
    w.failWith(new AppError('CONFLICT', { message: 'userName taken' }), false);
    await expect(w.effects.insert('o', newUser())).rejects.toThrow('userName taken');
    expect(w.rows).toEqual([]);
    expect(w.dispatched).toEqual([]);
  });
});
