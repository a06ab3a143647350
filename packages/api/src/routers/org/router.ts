import { router } from '../../trpc.ts';
import { getOrg } from './get-org.ts';
import { scimStatus } from './scim-status.ts';
import { updateOrgSettings } from './update-org-settings.ts';

export const orgRouter = router({ get: getOrg, updateSettings: updateOrgSettings, scimStatus });
