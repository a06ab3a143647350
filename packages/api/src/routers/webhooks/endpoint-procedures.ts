import { recordChange } from '@provisio/core/audit';
import { AppError } from '@provisio/core';
import {
  createEndpoint,
  rotateSecret,
  toWebhookEndpoint,
  updateEndpoint,
  WebhookEndpointSchema,
} from '@provisio/core/webhooks';
import { z } from 'zod';
import { orgProcedure } from '../../trpc.ts';
import { manageDeps } from './webhook-deps.ts';
import {
  ZCreateEndpointRequestSchema,
  ZEndpointIdSchema,
  ZEndpointListSchema,
  ZEndpointWithSecretSchema,
  ZRotateSecretRequestSchema,
  ZUpdateEndpointRequestSchema,
} from './webhooks.types.ts';

const resource = (id: string) => ({ resourceType: 'WebhookEndpoint', resourceId: id });

/** The org's endpoints (never their secrets). */
export const listEndpoints = orgProcedure
  .meta({ scope: 'admin' })
  .output(ZEndpointListSchema)
  .query(async ({ ctx }) =>
    (await ctx.db.webhooks.list(ctx.auth.orgId)).map((e) => toWebhookEndpoint(e, ctx.clock.now())),
  );

/** A new endpoint, delivering events from now on; its signing secret is in this answer only. */
export const createWebhookEndpoint = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZCreateEndpointRequestSchema)
  .output(ZEndpointWithSecretSchema)
  .mutation(async ({ ctx, input }) => {
    const { endpoint, secret } = await createEndpoint(manageDeps(ctx), { orgId: ctx.auth.orgId, ...input });
    const view = toWebhookEndpoint(endpoint, ctx.clock.now());
    recordChange(ctx.audit, { ...resource(view.id), before: null, after: view });
    return { endpoint: view, secret };
  });

/** URL, events, on or off (on clears the failure state; the missed events follow in order). */
export const updateWebhookEndpoint = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZUpdateEndpointRequestSchema)
  .output(WebhookEndpointSchema)
  .mutation(async ({ ctx, input }) => {
    const before = await ctx.db.webhooks.get(ctx.auth.orgId, input.id);
    const endpoint = await updateEndpoint(manageDeps(ctx), { orgId: ctx.auth.orgId, ...input });
    const view = toWebhookEndpoint(endpoint, ctx.clock.now());
    recordChange(ctx.audit, {
      ...resource(view.id),
      before: before && toWebhookEndpoint(before, ctx.clock.now()),
      after: view,
    });
    return view;
  });

/** A new signing secret, shown once; the previous one signs too until the overlap ends. */
export const rotateWebhookSecret = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZRotateSecretRequestSchema)
  .output(ZEndpointWithSecretSchema)
  .mutation(async ({ ctx, input }) => {
    const { endpoint, secret } = await rotateSecret(manageDeps(ctx), { orgId: ctx.auth.orgId, ...input });
    ctx.audit?.note(`rotated the signing secret of webhook endpoint ${endpoint.id} (overlap ${input.overlapHours} h)`);
    return { endpoint: toWebhookEndpoint(endpoint, ctx.clock.now()), secret };
  });

export const deleteWebhookEndpoint = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZEndpointIdSchema)
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const before = await ctx.db.webhooks.get(ctx.auth.orgId, input.id);
    if (!before || !(await ctx.db.webhooks.remove(ctx.auth.orgId, input.id)))
      throw new AppError('NOT_FOUND', { message: 'no such webhook endpoint' });
    recordChange(ctx.audit, { ...resource(input.id), before: toWebhookEndpoint(before, ctx.clock.now()), after: null });
    return { deleted: true as const };
  });
