import { AppError } from '@provisio/core';
import type { Principal } from '@provisio/core';
import { openStreamLease, UserEventSchema } from '@provisio/core/events';
import type { UserEvent } from '@provisio/core/events';
import { tracked } from '@trpc/server';
import type { Context } from '../../context.ts';
import { orgProcedure } from '../../trpc.ts';
import { credentialCheck } from './credential-check.ts';
import { ZOnUserChangeRequestSchema } from './on-user-change.types.ts';
import type { TOnUserChangeRequest } from './on-user-change.types.ts';
import { withTrpcErrors } from './with-trpc-errors.ts';

type OrgPrincipal = Extract<Principal, { kind: 'org' }>;

/** What a stream's lease counts against: its key, else its web session, else its owner. */
const holderOf = ({ keyId, sessionIdHash, ownerId }: OrgPrincipal): string =>
  keyId ? `key:${keyId}` : sessionIdHash ? `session:${sessionIdHash.slice(0, 32)}` : `owner:${ownerId ?? 'none'}`;

/** One stream: a lease under the caps, then the org's feed, re-checking key or session as it goes. */
async function* userEvents(
  ctx: Context,
  auth: OrgPrincipal,
  input: TOnUserChangeRequest,
  signal?: AbortSignal,
): AsyncGenerator<UserEvent> {
  const streams = ctx.streams;
  if (!streams) throw new AppError('UNAVAILABLE', { message: 'event streams are served over HTTP (/trpc) only' });
  const lease = await openStreamLease(streams.leases, { orgId: auth.orgId, holder: holderOf(auth) });
  try {
    const credentialStillWorks = credentialCheck(ctx, auth);
    const stillAllowed = async () => {
      lease.check();
      await credentialStillWorks();
    };
    yield* streams.feed.subscribe(auth.orgId, {
      lastEventId: input?.lastEventId ?? null,
      stillAllowed,
      ...(signal ? { signal } : {}),
    });
  } finally {
    await lease.release();
  }
}

/**
 * Live user lifecycle events of the caller's org over SSE, resumable by event id. The
 * events come from the durable store, so a reconnect or a server restart loses none. No
 * `.output()`: tRPC validates a subscription's return value (the generator), so each
 * event is parsed as it is yielded instead. At most 5 streams per key or session and 50
 * per org (TOO_MANY_REQUESTS beyond); a revoked key or an ended session ends the stream.
 */
export const onUserChangeProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZOnUserChangeRequestSchema)
  .subscription(async function* ({ ctx, input, signal }) {
    const { orgId, keyId } = ctx.auth;
    ctx.logger.info({ orgId, keyId }, 'events.onUserChange');
    for await (const event of withTrpcErrors(userEvents(ctx, ctx.auth, input, signal)))
      yield tracked(event.id, UserEventSchema.parse(event));
  });
