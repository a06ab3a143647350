import { router } from '../../trpc.ts';
import { createUserProcedure } from './create-user.ts';
import { deactivateUserProcedure } from './deactivate-user.ts';
import { deleteUserProcedure } from './delete-user.ts';
import { getUserProcedure } from './get-user.ts';
import { listUsersProcedure } from './list-users.ts';
import { patchUserProcedure } from './patch-user.ts';
import { reactivateUserProcedure } from './reactivate-user.ts';
import { replaceUserProcedure } from './replace-user.ts';
import { searchUsersProcedure } from './search-users.ts';
import { updateUserProcedure } from './update-user.ts';

export const usersRouter = router({
  /** Cursor pages with exact filters: for internal tools. */
  list: listUsersProcedure,
  /** SCIM filter string + startIndex/count: for the SCIM adapter. */
  search: searchUsersProcedure,
  get: getUserProcedure,
  create: createUserProcedure,
  update: updateUserProcedure,
  replace: replaceUserProcedure,
  patch: patchUserProcedure,
  deactivate: deactivateUserProcedure,
  reactivate: reactivateUserProcedure,
  delete: deleteUserProcedure,
});
