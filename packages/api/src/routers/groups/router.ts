import { router } from '../../trpc.ts';
import { addMembersProcedure } from './add-members.ts';
import { createGroupProcedure } from './create-group.ts';
import { deleteGroupProcedure } from './delete-group.ts';
import { getGroupProcedure } from './get-group.ts';
import { listGroupsProcedure } from './list-groups.ts';
import { listMembersProcedure } from './list-members.ts';
import { patchGroupProcedure } from './patch-group.ts';
import { removeMembersProcedure } from './remove-members.ts';
import { replaceGroupProcedure } from './replace-group.ts';
import { replaceMembersProcedure } from './replace-members.ts';

export const groupsRouter = router({
  list: listGroupsProcedure,
  get: getGroupProcedure,
  create: createGroupProcedure,
  replace: replaceGroupProcedure,
  patch: patchGroupProcedure,
  addMembers: addMembersProcedure,
  removeMembers: removeMembersProcedure,
  replaceMembers: replaceMembersProcedure,
  listMembers: listMembersProcedure,
  delete: deleteGroupProcedure,
});
