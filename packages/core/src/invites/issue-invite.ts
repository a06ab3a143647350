import { uuidV7 } from '../ids/uuid-v7.ts';
import type { InviteIssueDeps } from './invite-deps.ts';
import type { InviteRecord } from './invite-record.ts';

/** `firstForUser`: the user was created by this request, so there is no older invite to read or supersede. */
export type IssueInviteOptions = { orgId: string; userId: string; firstForUser?: boolean };

/**
 * Gives a user a new pending invite (older links stop working) and puts it on the queue.
 * A queue failure never fails the caller: the invite stays pending and the sweeper
 * dispatches it later, so a user created while Redis is down still gets mail.
 */
export async function issueInvite(
  deps: InviteIssueDeps,
  { orgId, userId, firstForUser = false }: IssueInviteOptions,
): Promise<InviteRecord> {
  const now = deps.clock.now();
  // Stored as dispatched now, so the request pays one write, not two; a failed enqueue undoes it.
  const invite = await deps.invites.insertNext(orgId, { id: uuidV7(now.getTime()), userId, now, firstForUser });
  try {
    await deps.dispatcher.dispatch({ orgId, userId, inviteId: invite.id, dispatch: invite.dispatch });
  } catch (error) {
    deps.onDispatchError?.(error, invite.id);
    // Best effort: if this fails too, the sweep still finds the invite once the stuck window passes.
    await deps.invites.markUndispatched(orgId, invite.id, now).catch(() => undefined);
  }
  return invite;
}
