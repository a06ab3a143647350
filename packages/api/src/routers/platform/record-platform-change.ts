import { actorOf, newAuditEvent } from '@provisio/core/audit';
import type { diffRecords } from '@provisio/core/audit';
import type { Context } from '../../context.ts';

/**
 * A platform procedure's audit event, in the ledger of the org it changed (the platform has
 * none of its own for these): written when the change succeeded, with what it changed.
 */
export async function recordPlatformChange(
  ctx: Pick<Context, 'db' | 'clock' | 'requestId' | 'auth'>,
  change: {
    orgId: string;
    action: string;
    resourceType: string;
    resourceId: string;
    changes: ReturnType<typeof diffRecords>;
  },
): Promise<void> {
  await ctx.db.audit.insert(
    newAuditEvent(ctx.clock.now(), {
      ...change,
      surface: 'trpc',
      actor: actorOf(ctx.auth ?? null),
      outcome: 'success',
      status: 200,
      requestId: ctx.requestId ?? null,
    }),
  );
}
