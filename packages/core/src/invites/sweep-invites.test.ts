import { describe, expect, it } from 'vitest';
import { fixedClock } from '../testing/fixed-clock.ts';
import { inviteRow, memoryInvites } from '../testing/memory-invites.ts';
import type { InviteRecord } from './invite-record.ts';
import { CLAIM_TIMEOUT_MS } from './send-invite.ts';
import { MAX_QUEUED_CHECKS, sweepInvites } from './sweep-invites.ts';

const MINUTE = 60_000;

/** The sweeper's ports in memory: jobs dispatched, and the jobs still waiting on the queue. */
function sweepWorld(rows: (clock: ReturnType<typeof fixedClock>) => InviteRecord[]) {
  const clock = fixedClock();
  const memory = memoryInvites(rows(clock));
  const dispatched: { inviteId: string; dispatch: number }[] = [];
  const queued = new Set<string>();
  let down: Error | null = null;
  const errors: string[] = [];
  const dispatcher = {
    dispatch: (job: { inviteId: string; dispatch: number }) =>
      down
        ? Promise.reject(down)
        : Promise.resolve(void dispatched.push({ inviteId: job.inviteId, dispatch: job.dispatch })),
    isQueued: (job: { inviteId: string; dispatch: number }) =>
      Promise.resolve(queued.has(`${job.inviteId}:${job.dispatch}`)),
  };
  const deps = {
    invites: memory.invites,
    clock,
    dispatcher,
    onDispatchError: (_e: unknown, id: string) => void errors.push(id),
  };
  return { clock, rows: memory.rows, dispatched, queued, errors, deps, queueDown: (e: Error) => void (down = e) };
}

describe('sweepInvites', () => {
  it('re-dispatches a pending invite that never reached the queue, under a new job id, and leaves a recent one', async () => {
    const world = sweepWorld((clock) => [
      inviteRow({ id: 'old', userId: 'ann', dispatchedAt: clock.now() }),
      inviteRow({ id: 'never', userId: 'bob', dispatchedAt: null }),
    ]);
    world.clock.advance(2 * MINUTE);
    world.rows.push(inviteRow({ id: 'recent', userId: 'cy', dispatchedAt: world.clock.now() }));
    await expect(sweepInvites(world.deps)).resolves.toEqual({ found: 2, dispatched: 2 });
    expect(world.dispatched).toEqual([
      { inviteId: 'old', dispatch: 2 },
      { inviteId: 'never', dispatch: 2 },
    ]);
    expect(world.rows.map((r) => r.dispatch)).toEqual([2, 2, 1]);
  });

  it('leaves a pending invite whose job still waits behind a backlog', async () => {
    const world = sweepWorld((clock) => [inviteRow({ id: 'waiting', userId: 'ann', dispatchedAt: clock.now() })]);
    world.queued.add('waiting:1');
    world.clock.advance(2 * MINUTE);
    await expect(sweepInvites(world.deps)).resolves.toEqual({ found: 1, dispatched: 0 });
    expect(world.dispatched).toEqual([]);
  });

  it('behind a backlog, stops asking the queue after MAX_QUEUED_CHECKS invites in a row still wait', async () => {
    const world = sweepWorld((clock) =>
      Array.from({ length: 3 * MAX_QUEUED_CHECKS }, (_, i) =>
        inviteRow({ id: `w${String(i).padStart(3, '0')}`, userId: `u${i}`, dispatchedAt: clock.now() }),
      ),
    );
    for (const row of world.rows) world.queued.add(`${row.id}:1`);
    const asked: string[] = [];
    const isQueued = world.deps.dispatcher.isQueued;
    world.deps.dispatcher.isQueued = (job) => (asked.push(job.inviteId), isQueued(job));
    world.clock.advance(2 * MINUTE);
    await expect(sweepInvites(world.deps)).resolves.toEqual({ found: 3 * MAX_QUEUED_CHECKS, dispatched: 0 });
    expect(asked).toHaveLength(MAX_QUEUED_CHECKS);
  });

  it('re-dispatches a send whose worker died, once its claim is older than the claim timeout', async () => {
    const world = sweepWorld((clock) => [
      inviteRow({ id: 'dead', userId: 'ann', state: 'sending', claimedAt: clock.now(), tokenHash: 'x' }),
    ]);
    world.clock.advance(CLAIM_TIMEOUT_MS - 1);
    await expect(sweepInvites(world.deps)).resolves.toEqual({ found: 0, dispatched: 0 });
    world.clock.advance(2);
    await expect(sweepInvites(world.deps)).resolves.toEqual({ found: 1, dispatched: 1 });
    expect(world.dispatched).toEqual([{ inviteId: 'dead', dispatch: 2 }]);
  });

  it('dispatches each stuck invite once when two sweepers run at the same moment', async () => {
    const world = sweepWorld((clock) => [
      inviteRow({ id: 'a', userId: 'ann', dispatchedAt: clock.now() }),
      inviteRow({ id: 'b', userId: 'bob', dispatchedAt: clock.now() }),
    ]);
    world.clock.advance(2 * MINUTE);
    const results = await Promise.all([sweepInvites(world.deps), sweepInvites(world.deps)]);
    expect(results.reduce((n, r) => n + r.dispatched, 0)).toBe(2);
    expect(world.dispatched.map((d) => d.inviteId).sort()).toEqual(['a', 'b']);
  });

  it('stops at the first failed dispatch (the queue is down) and reports it; the next sweep tries again', async () => {
    const world = sweepWorld((clock) => [
      inviteRow({ id: 'a', userId: 'ann', dispatchedAt: clock.now() }),
      inviteRow({ id: 'b', userId: 'bob', dispatchedAt: clock.now() }),
    ]);
    world.clock.advance(2 * MINUTE);
    world.queueDown(new Error('ECONNREFUSED'));
    await expect(sweepInvites(world.deps)).resolves.toEqual({ found: 2, dispatched: 0 });
    expect(world.errors).toEqual(['a']);
  });
});
