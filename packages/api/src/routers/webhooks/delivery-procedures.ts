import { AppError } from '@provisio/core';
import { queuePing, queueRedelivery, WebhookDeliverySchema } from '@provisio/core/webhooks';
import { orgProcedure } from '../../trpc.ts';
import { deliveryView, queueDeps } from './webhook-deps.ts';
import {
  ZDeliveryListSchema,
  ZEndpointIdSchema,
  ZListDeliveriesRequestSchema,
  ZRedeliverRequestSchema,
} from './webhooks.types.ts';

/** An endpoint's latest delivery attempts, newest first: status, response code, duration, why it failed. */
export const listDeliveries = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZListDeliveriesRequestSchema)
  .output(ZDeliveryListSchema)
  .query(async ({ ctx, input }) => {
    if (!(await ctx.db.webhooks.get(ctx.auth.orgId, input.id)))
      throw new AppError('NOT_FOUND', { message: 'no such webhook endpoint' });
    return (await ctx.db.webhooks.deliveries(ctx.auth.orgId, input.id, input.limit)).map(deliveryView);
  });

/** Sends a logged delivery's event again (same event id, fresh signature), outside the ordered queue. */
export const redeliver = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZRedeliverRequestSchema)
  .output(WebhookDeliverySchema)
  .mutation(async ({ ctx, input }) => {
    const delivery = await queueRedelivery(queueDeps(ctx), { orgId: ctx.auth.orgId, deliveryId: input.deliveryId });
    ctx.audit?.note(`redelivery of webhook delivery ${input.deliveryId} queued`);
    return deliveryView(delivery);
  });

/** A signed test event (`type: ping`, no user data); its answer shows in the delivery log. */
export const ping = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZEndpointIdSchema)
  .output(WebhookDeliverySchema)
  .mutation(async ({ ctx, input }) =>
    deliveryView(await queuePing(queueDeps(ctx), { orgId: ctx.auth.orgId, endpointId: input.id })),
  );
