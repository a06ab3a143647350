import { uuidV7 } from '../ids/uuid-v7.ts';
import type { InviteIssueDeps } from './invite-deps.ts';
import type { InviteRecord } from './invite-record.ts';

/** `firstForUser`: the user is created by this request, so there is no older invite to read or supersede. */
export type IssueInviteOptions = { orgId: string; userId: string; firstForUser?: boolean };

/**
 * Stores a user's new pending invite (older links stop working), marked dispatched now so the
 * request pays one write, not two: the caller dispatches it next.
 */
export function storeInvite(
  deps: InviteIssueDeps,
  { orgId, userId, firstForUser = false }: IssueInviteOptions,
): Promise<InviteRecord> {
  const now = deps.clock.now();
  return deps.invites.insertNext(orgId, { id: uuidV7(now.getTime()), userId, now, firstForUser });
}

/**
 * Puts a stored invite on the queue. A queue failure never fails the caller: the invite
 * stays pending and the sweeper dispatches it later, so a user created while Redis is down
 * still gets mail.
 */
export async function dispatchInvite(deps: InviteIssueDeps, invite: InviteRecord): Promise<void> {
  try {
    await deps.dispatcher.dispatch({
      orgId: invite.orgId,
      userId: invite.userId,
      inviteId: invite.id,
      dispatch: invite.dispatch,
    });
  } catch (error) {
    deps.onDispatchError?.(error, invite.id);
    // Best effort: if this fails too, the sweep still finds the invite once the stuck window passes.
    await deps.invites.markUndispatched(invite.orgId, invite.id, deps.clock.now()).catch(() => undefined);
  }
}

/** Gives a user a new pending invite and puts it on the queue. */
export async function issueInvite(deps: InviteIssueDeps, options: IssueInviteOptions): Promise<InviteRecord> {
  const invite = await storeInvite(deps, options);
  await dispatchInvite(deps, invite);
  return invite;
}
