export { createProvisioClient } from './create-provisio-client.ts';
export type { ProvisioClient, ProvisioClientOptions } from './create-provisio-client.ts';
export { isProvisioError, isResyncRequired, ProvisioError } from './provisio-error.ts';
export type { ProvisioErrorCode, ProvisioIssue } from './provisio-error.ts';
export type { AppRouter, RouterInputs, RouterOutputs } from './types.ts';
export * from './schemas.ts';
export { TRPCClientError } from '@trpc/client';
export { verifyWebhook } from './verify-webhook.ts';
export type { VerifyWebhookOptions, WebhookHeaders } from './verify-webhook.ts';
