import { AppError } from '@provisio/core';
import { deriveWebhookSecretKey } from '@provisio/core/webhooks';
import type { ManageEndpointsDeps, QueueOneDeps, WebhookDeliveryRecord } from '@provisio/core/webhooks';
import { createWebhookRunQueue, createWebhookSendQueue } from '@provisio/jobs';
import type { Context } from '../../context.ts';

type WebhookContext = Pick<Context, 'db' | 'clock' | 'listCursorKey' | 'allowPrivateWebhookTargets' | 'queue'>;

export const manageDeps = (ctx: WebhookContext): ManageEndpointsDeps => ({
  webhooks: ctx.db.webhooks,
  clock: ctx.clock,
  secretKey: deriveWebhookSecretKey(ctx.listCursorKey),
  allowPrivateTargets: ctx.allowPrivateWebhookTargets ?? false,
  ...(ctx.queue ? { queueRun: createWebhookRunQueue(ctx.queue) } : {}),
});

export function queueDeps(ctx: WebhookContext): QueueOneDeps {
  const { queue } = ctx;
  if (!queue)
    throw new AppError('UNAVAILABLE', { message: 'no job queue here: pings and redeliveries cannot be sent' });
  return { webhooks: ctx.db.webhooks, clock: ctx.clock, enqueue: createWebhookSendQueue(queue) };
}

/** The delivery log's view: the body stays in storage (it holds user data). */
export const deliveryView = ({ body: _body, orgId: _orgId, ...view }: WebhookDeliveryRecord) => view;
