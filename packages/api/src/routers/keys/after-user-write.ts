import type { UserRecord } from '@provisio/core';
import type { Context } from '../../context.ts';
import { recordChange } from '../audit/record-change.ts';
import { deprovisioning, revokeOnDeprovision } from './revoke-on-deprovision.ts';

/** What the ledger diffs for a user: its attributes plus role and lifecycle status. */
const auditedState = (user: UserRecord | null) => (user ? { ...user.attributes, role: user.role, status: user.status } : null);

/**
 * Call after every user write (create, replace, patch, activate, delete), with the user
 * as read before and as returned after (null when absent): records the attribute changes
 * for the audit event and, when the write deprovisioned the user or took their admin
 * role, revokes their keys (a demoted admin's `admin` keys) before the response goes out.
 */
export async function afterUserWrite(ctx: Context, { id, before, after }: { id: string; before: UserRecord | null; after: UserRecord | null }): Promise<void> {
  recordChange(ctx, { resourceType: 'User', resourceId: id, before: auditedState(before), after: auditedState(after) });
  const reason = deprovisioning(before, after);
  if (reason) await revokeOnDeprovision(ctx, id, reason);
}
