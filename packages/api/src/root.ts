import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { publicRecord } from './public-router.ts';
import { createCallerFactory, router } from './trpc.ts';

/** Every procedure, from the one list of domain routers (`publicRecord`). */
export const appRouter = router(publicRecord);

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
