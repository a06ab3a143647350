import { AppError } from '../errors/app-error.ts';
import type { UserRecord } from '../users/user-record.ts';
import type { InviteIssueDeps } from './invite-deps.ts';
import { dispatchInvite, storeInvite } from './issue-invite.ts';

/**
 * Creates a user through `create`; a new user waiting to sign in gets an invite (one created
 * deactivated, or just in time at sign-in and so already active, does not).
 *
 * The invite is stored before the user and dispatched after. The other order lost invites:
 * a database failure between the user's write and the invite's left a user nobody would
 * ever invite (the faults suite's db-down scenario found it). Now a user write that may
 * have happened always has its pending invite, which the sweep dispatches if this request
 * does not get to; an invite whose user never came to be is failed by the worker.
 */
export async function createWithInvite<T>(
  deps: InviteIssueDeps,
  user: Pick<UserRecord, 'id' | 'status'> & { orgId: string },
  create: () => Promise<T>,
): Promise<T> {
  if (user.status !== 'invited') return create();
  const invite = await storeInvite(deps, { orgId: user.orgId, userId: user.id, firstForUser: true });
  let created: T;
  try {
    created = await create();
  } catch (error) {
    // A refusal (e.g. userName taken) certainly wrote no user; anything else may have, so the invite stays.
    if (error instanceof AppError) await deps.invites.deleteForUser(user.orgId, user.id).catch(() => undefined);
    throw error;
  }
  await dispatchInvite(deps, invite);
  return created;
}
