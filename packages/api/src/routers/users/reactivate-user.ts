import { setUserActiveProcedure } from './set-user-active-procedure.ts';

/** Back to `active` (or `invited` if the user never signed in). Idempotent. */
export const reactivateUserProcedure = setUserActiveProcedure(true);
