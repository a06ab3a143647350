export { signWebhook, WEBHOOK_HEADERS, webhookSignature } from './sign-webhook.ts';
export { isPublicAddress, webhookTargetProblem } from './webhook-target.ts';
