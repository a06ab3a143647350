import { actorOf, createAuditCollector, newAuditEvent } from '@provisio/core/audit';
import type { AuditCollector } from '@provisio/core/audit';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Context } from '../../context.ts';

type Result = { ok: true } | { ok: false; error: TRPCError };

export type AuditMutationOptions<R> = {
  ctx: Context;
  type: string;
  path: string;
  /** Runs the procedure with the given collector in its context. */
  next: (audit: AuditCollector | undefined) => Promise<R>;
};

/**
 * Every admin change through /trpc is one audit event of the org, success or failure,
 * written when the mutation completes. SCIM requests carry an `http` collector and are
 * written by the adapter once the response is sent, so they pass straight through.
 */
export async function auditMutation<R extends Result>({ ctx, type, path, next }: AuditMutationOptions<R>): Promise<R> {
  const auth = ctx.auth;
  if (type !== 'mutation' || ctx.audit?.writtenBy === 'http' || auth?.kind !== 'org') return next(ctx.audit);
  // One collector per mutation: a batched HTTP request shares one context.
  const audit = createAuditCollector({ writtenBy: 'procedure', userAgent: ctx.audit?.userAgent ?? null });
  const started = performance.now();
  const result = await next(audit);
  const event = newAuditEvent(ctx.clock.now(), {
    orgId: auth.orgId,
    surface: 'trpc',
    actor: actorOf(auth),
    userAgent: audit.userAgent,
    method: 'POST',
    path: `/trpc/${path}`,
    action: path,
    resourceType: audit.subject?.resourceType ?? null,
    resourceId: audit.subject?.resourceId ?? null,
    status: result.ok ? 200 : getHTTPStatusCodeFromError(result.error),
    outcome: result.ok ? 'success' : 'failure',
    changes: audit.changes,
    notes: audit.notes,
    requestId: ctx.requestId ?? null,
    durationMs: Math.round(performance.now() - started),
  });
  await ctx.db.audit.insert(event).catch((err: unknown) => ctx.logger.error({ err, path }, 'audit event not written'));
  return result;
}
