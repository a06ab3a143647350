import { listAuditEvents as list } from '@provisio/core/audit';
import { orgProcedure } from '../../trpc.ts';
import { accessDeps } from './access-deps.ts';
import { ZListAuditEventsRequestSchema, ZListAuditEventsResponseSchema } from './list-audit-events.types.ts';

/** Admin: the provisioning ledger, newest first, filtered by resource, actor, time range and outcome. */
export const listAuditEvents = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZListAuditEventsRequestSchema)
  .output(ZListAuditEventsResponseSchema)
  .query(async ({ ctx, input }) => {
    const { from, to, ...rest } = input;
    const range = { ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
    const items = await list(accessDeps(ctx), { orgId: ctx.auth.orgId, ...rest, ...range });
    return { items, nextBefore: items.length === input.limit ? (items.at(-1)?.id ?? null) : null };
  });
