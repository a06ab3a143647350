export { createProducerConnection, createWorkerConnection } from './connections.ts';
export { enqueue } from './enqueue.ts';
export type { EnqueueOptions } from './enqueue.ts';
export type { JobDefinition, JobPayload } from './job-definition.ts';
export { DEFAULT_JOB_OPTIONS, DEFAULT_QUEUE_NAME } from './queues.ts';
export { createInviteDispatcher } from './invites/bullmq-invite-dispatcher.ts';
export { inviteJobId, inviteSendJob } from './invites/invite-send-job.ts';
export { createKeyAlerts } from './alerts/bullmq-key-alerts.ts';
export { keyRevokedAlertJob, keyRevokedAlertJobId } from './alerts/key-revoked-alert-job.ts';
export { createBrakeAlerts } from './alerts/bullmq-brake-alerts.ts';
export { brakeAlertJob, brakeAlertJobId } from './alerts/brake-alert-job.ts';
export {
  webhookDeliverJob,
  webhookDeliverJobId,
  webhookDisabledAlertJob,
  webhookDisabledAlertJobId,
  webhookSendJob,
  webhookSendJobId,
  webhookWakeJob,
  webhookWakeJobId,
} from './webhooks/webhook-jobs.ts';
export { createWebhookRunQueue, createWebhookSendQueue, createWebhookWaker } from './webhooks/bullmq-webhooks.ts';
