import { setUserActiveProcedure } from './set-user-active-procedure.ts';

/** `active: false`; the user stays visible. Idempotent. */
export const deactivateUserProcedure = setUserActiveProcedure(false);
