import { router } from '../../trpc.ts';
import { changeOrgSchemaProcedure } from './change-org-schema.ts';
import { getOrgSchemaProcedure, listOrgSchemasProcedure } from './read-org-schemas.ts';
import { registerOrgSchemaProcedure } from './register-org-schema.ts';
import { retireOrgSchemaProcedure } from './retire-org-schema.ts';

/** The org's SCIM extension schemas (admin scope). */
export const orgSchemasRouter = router({
  register: registerOrgSchemaProcedure,
  list: listOrgSchemasProcedure,
  get: getOrgSchemaProcedure,
  change: changeOrgSchemaProcedure,
  retire: retireOrgSchemaProcedure,
});
