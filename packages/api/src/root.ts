import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { groupsRouter } from './routers/groups/router.ts';
import { systemRouter } from './routers/system/router.ts';
import { usersRouter } from './routers/users/router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  system: systemRouter,
  users: usersRouter,
  groups: groupsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
