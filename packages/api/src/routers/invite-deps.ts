import type { InviteDispatcher, InviteIssueDeps } from '@provisio/core/invites';
import { AppError } from '@provisio/core';
import { createInviteDispatcher } from '@provisio/jobs';
import type { Context } from '../context.ts';

/** With no queue in the context (some tests, scripts) invites stay pending for the sweeper. */
const noQueue: InviteDispatcher = {
  dispatch: () => Promise.reject(new AppError('UNAVAILABLE', { message: 'no job queue in this context' })),
  isQueued: () => Promise.resolve(false),
};

/** Invite rules' dependencies from the request context. */
export const inviteDeps = (
  ctx: Pick<Context, 'db' | 'clock' | 'queue' | 'logger'>,
): InviteIssueDeps & {
  users: Context['db']['inviteUsers'];
  orgs: Context['db']['inviteOrgs'];
} => ({
  invites: ctx.db.invites,
  users: ctx.db.inviteUsers,
  orgs: ctx.db.inviteOrgs,
  clock: ctx.clock,
  dispatcher: ctx.queue ? createInviteDispatcher(ctx.queue) : noQueue,
  // The user is created either way: the sweeper enqueues the invite once the queue is back.
  onDispatchError: (err, inviteId) => ctx.logger.warn({ err, inviteId }, 'invite not enqueued; the sweeper will retry'),
});
