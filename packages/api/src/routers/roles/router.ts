import { router } from '../../trpc.ts';
import { deleteRole } from './delete-role.ts';
import { listRoles } from './list-roles.ts';
import { mapGroup } from './map-group.ts';
import { saveRole } from './save-role.ts';
import { unmapGroup } from './unmap-group.ts';

/** Org roles and the mapping of IdP groups to roles (issue 17, part 2). */
export const rolesRouter = router({
  list: listRoles,
  save: saveRole,
  delete: deleteRole,
  mapGroup,
  unmapGroup,
});
