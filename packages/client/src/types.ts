import type { PublicAppRouter } from '@provisio/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/** The server's router, with its context erased: all a client needs, nothing of the server. */
export type AppRouter = PublicAppRouter;
/** Input of every procedure: `RouterInputs['users']['list']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Output of every procedure: `RouterOutputs['users']['get']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
