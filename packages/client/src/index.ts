export { createProvisioClient } from './create-provisio-client.ts';
export type { ProvisioClient, ProvisioClientOptions } from './create-provisio-client.ts';
export type { AppRouter, RouterInputs, RouterOutputs } from '@provisio/api';
export { TRPCClientError } from '@trpc/client';
