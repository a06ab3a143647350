import { router } from '../../trpc.ts';
import { createAdminKey } from './create-admin-key.ts';
import { createOrg } from './create-org.ts';
import { setOrgKeyRateLimit } from './set-org-key-rate-limit.ts';
import { setOrgPlan } from './set-org-plan.ts';
import { verifySsoDomain } from './verify-sso-domain.ts';

/** Operations of the platform admin token only. */
export const platformRouter = router({ createOrg, setOrgPlan, setOrgKeyRateLimit, createAdminKey, verifySsoDomain });
