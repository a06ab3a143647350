import { router } from '../../trpc.ts';
import { listDeliveries, ping, redeliver } from './delivery-procedures.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from './endpoint-procedures.ts';

/** Signed webhooks (issue 17): endpoints, secrets, the delivery log, redelivery and ping. Admin scope throughout. */
export const webhooksRouter = router({
  list: listEndpoints,
  create: createWebhookEndpoint,
  update: updateWebhookEndpoint,
  rotateSecret: rotateWebhookSecret,
  delete: deleteWebhookEndpoint,
  deliveries: listDeliveries,
  redeliver,
  ping,
});
