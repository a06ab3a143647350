import { AppError } from '@provisio/core';
import { listAuditEvents as list, PLATFORM_LEDGER } from '@provisio/core/audit';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps } from './access-deps.ts';
import { ZListAuditEventsRequestSchema, ZListAuditEventsResponseSchema } from './list-audit-events.types.ts';

/** Admin: the provisioning ledger, newest first, filtered by resource, actor, time range and outcome; the platform admin may read the platform's. */
export const listAuditEvents = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZListAuditEventsRequestSchema)
  .output(ZListAuditEventsResponseSchema)
  .query(async ({ ctx, input }) => {
    const { from, to, ledger, ...rest } = input;
    if (ledger === 'platform' && ctx.auth.session?.kind !== 'platform')
      throw new AppError('FORBIDDEN', { message: 'only the platform admin reads the platform ledger' });
    const range = { ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
    const items = await list(accessDeps(ctx), {
      orgId: ledger === 'platform' ? PLATFORM_LEDGER : ctx.auth.orgId,
      ...rest,
      ...range,
    });
    return { items, nextBefore: items.length === input.limit ? (items.at(-1)?.id ?? null) : null };
  });
