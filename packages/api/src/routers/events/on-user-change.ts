import { AppError } from '@provisio/core';
import { streamUserEvents, UserEventSchema } from '@provisio/core/events';
import { revocationMessage } from '@provisio/core/keys';
import { tracked } from '@trpc/server';
import { orgProcedure } from '../../trpc.ts';
import { ZOnUserChangeRequestSchema } from './on-user-change.types.ts';
import { withTrpcErrors } from './with-trpc-errors.ts';

/** How often a long-lived stream re-reads its key: a revocation ends it within this time. */
const KEY_RECHECK_MS = 5_000;

/**
 * Live user lifecycle events of the caller's org over SSE, resumable by event id. The
 * events come from the durable store, so a reconnect or a server restart loses none. No
 * `.output()`: tRPC validates a subscription's return value (the generator), so each
 * event is parsed as it is yielded instead. A key revoked mid-stream ends it.
 */
export const onUserChangeProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZOnUserChangeRequestSchema)
  .subscription(async function* ({ ctx, input, signal }) {
    const { orgId, keyId } = ctx.auth;
    ctx.logger.info({ orgId, keyId }, 'events.onUserChange');
    let checkedAt = ctx.clock.now().getTime();
    const stillAllowed = async () => {
      if (!keyId || ctx.clock.now().getTime() - checkedAt < KEY_RECHECK_MS) return;
      checkedAt = ctx.clock.now().getTime();
      const key = await ctx.db.keys.findById(orgId, keyId);
      if (!key) throw new AppError('UNAUTHENTICATED', { message: 'the key no longer exists' });
      if (key.revokedAt !== null) throw new AppError('UNAUTHENTICATED', { message: revocationMessage(key) });
    };
    const events = streamUserEvents({ events: ctx.db.userEvents, clock: ctx.clock }, { orgId, lastEventId: input?.lastEventId ?? null, stillAllowed, ...(signal ? { signal } : {}) });
    for await (const event of withTrpcErrors(events)) yield tracked(event.id, UserEventSchema.parse(event));
  });
