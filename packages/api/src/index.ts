export { appRouter, createCaller } from './root.ts';
export type { AppRouter, RouterInputs, RouterOutputs } from './root.ts';
export { createInnerContext } from './context.ts';
export type { Context, InnerContextOptions } from './context.ts';
export { toTrpcCode } from './errors/to-trpc-code.ts';
export { batchTooLargeMessage, MAX_BATCH_CALLS, MAX_BODY_BYTES } from './request-limits.ts';
export type { PublicAppRouter } from './public-router.ts';
export type { ProvisioErrorData, ProvisioErrorShape } from './errors/error-shape.ts';
export type { Meta } from './meta.ts';
