import { AppError } from '@provisio/core';
import type { Principal } from '@provisio/core';
import { revocationMessage } from '@provisio/core/keys';
import { sessionEndedMessage, sessionStanding } from '@provisio/core/sessions';
import type { Context } from '../../context.ts';

/** How often a long-lived stream re-reads its credential: a revoked key or an ended session ends it within this time. */
const RECHECK_MS = 5_000;

/**
 * A check for a long-lived call that throws UNAUTHENTICATED, with the reason, once the
 * credential it was opened with no longer works: the key was revoked or deleted, or the
 * web session ended (signed out, expired, its user no longer an active admin, or it
 * switched org). Reads the credential at most every RECHECK_MS.
 */
export function credentialCheck(
  ctx: Pick<Context, 'db' | 'clock' | 'platformTokenHash'>,
  auth: Extract<Principal, { kind: 'org' }>,
): () => Promise<void> {
  const { orgId, keyId, sessionIdHash } = auth;
  let checkedAt = ctx.clock.now().getTime();
  return async () => {
    if (ctx.clock.now().getTime() - checkedAt < RECHECK_MS) return;
    checkedAt = ctx.clock.now().getTime();
    if (keyId) {
      const key = await ctx.db.keys.findById(orgId, keyId);
      if (!key) throw new AppError('UNAUTHENTICATED', { message: 'the key no longer exists' });
      if (key.revokedAt !== null) throw new AppError('UNAUTHENTICATED', { message: revocationMessage(key) });
    }
    if (sessionIdHash) {
      const standing = await sessionStanding(
        {
          sessions: ctx.db.sessions,
          users: ctx.db.users,
          clock: ctx.clock,
          platformTokenHash: ctx.platformTokenHash ?? null,
        },
        sessionIdHash,
      );
      if ('ended' in standing) throw new AppError('UNAUTHENTICATED', { message: sessionEndedMessage(standing.ended) });
      if (standing.session.orgId !== orgId)
        throw new AppError('UNAUTHENTICATED', { message: sessionEndedMessage('org-changed') });
    }
  };
}
