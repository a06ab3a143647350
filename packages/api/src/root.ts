import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { groupsRouter } from './routers/groups/router.ts';
import { invitesRouter } from './routers/invites/router.ts';
import { auditRouter } from './routers/audit/router.ts';
import { eventsRouter } from './routers/events/router.ts';
import { keysRouter } from './routers/keys/router.ts';
import { orgRouter } from './routers/org/router.ts';
import { platformRouter } from './routers/platform/router.ts';
import { serviceAccountsRouter } from './routers/service-accounts/router.ts';
import { systemRouter } from './routers/system/router.ts';
import { usersRouter } from './routers/users/router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  system: systemRouter,
  users: usersRouter,
  groups: groupsRouter,
  invites: invitesRouter,
  platform: platformRouter,
  org: orgRouter,
  serviceAccounts: serviceAccountsRouter,
  keys: keysRouter,
  audit: auditRouter,
  events: eventsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
