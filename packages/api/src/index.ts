export { appRouter, createCaller } from './root.ts';
export type { AppRouter, RouterInputs, RouterOutputs } from './root.ts';
export { createInnerContext } from './context.ts';
export type { Context, InnerContextOptions } from './context.ts';
export { toTrpcCode } from './errors/to-trpc-code.ts';
