import { router } from '../../trpc.ts';
import { eventsHeadProcedure } from './events-head.ts';
import { onUserChangeProcedure } from './on-user-change.ts';

export const eventsRouter = router({ head: eventsHeadProcedure, onUserChange: onUserChangeProcedure });
