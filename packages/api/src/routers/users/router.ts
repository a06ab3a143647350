import { router } from '../../trpc.ts';
import { createUserProcedure } from './create-user.ts';
import { deactivateUserProcedure } from './deactivate-user.ts';
import { deleteUserProcedure } from './delete-user.ts';
import { getUserProcedure } from './get-user.ts';
import { listUsersProcedure } from './list-users.ts';
import { patchUserProcedure } from './patch-user.ts';
import { reactivateUserProcedure } from './reactivate-user.ts';
import { replaceUserProcedure } from './replace-user.ts';

export const usersRouter = router({
  list: listUsersProcedure,
  get: getUserProcedure,
  create: createUserProcedure,
  replace: replaceUserProcedure,
  patch: patchUserProcedure,
  deactivate: deactivateUserProcedure,
  reactivate: reactivateUserProcedure,
  delete: deleteUserProcedure,
});
