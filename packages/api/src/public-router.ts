import type { TRPCBuiltRouter } from '@trpc/server';
import type { ProvisioErrorShape } from './errors/error-shape.ts';
import type { Meta } from './meta.ts';
import { auditRouter } from './routers/audit/router.ts';
import { brakeRouter } from './routers/brake/router.ts';
import { rolesRouter } from './routers/roles/router.ts';
import { eventsRouter } from './routers/events/router.ts';
import { groupsRouter } from './routers/groups/router.ts';
import { invitesRouter } from './routers/invites/router.ts';
import { keysRouter } from './routers/keys/router.ts';
import { orgRouter } from './routers/org/router.ts';
import { orgSchemasRouter } from './routers/org-schemas/router.ts';
import { platformRouter } from './routers/platform/router.ts';
import { scimDoctorRouter } from './routers/scim-doctor/router.ts';
import { ssoRouter } from './routers/sso/router.ts';
import { serviceAccountsRouter } from './routers/service-accounts/router.ts';
import { systemRouter } from './routers/system/router.ts';
import { usersRouter } from './routers/users/router.ts';
import { webhooksRouter } from './routers/webhooks/router.ts';

/**
 * The one list of domain routers, as their records: `appRouter` is built from it. A
 * procedure's type carries its input, output and meta but no context, so this record's
 * declaration (which tsc prints in full, being inferred) never mentions the server context
 * or the libraries behind it.
 */
export const publicRecord = {
  system: systemRouter._def.record,
  users: usersRouter._def.record,
  groups: groupsRouter._def.record,
  invites: invitesRouter._def.record,
  platform: platformRouter._def.record,
  org: orgRouter._def.record,
  orgSchemas: orgSchemasRouter._def.record,
  serviceAccounts: serviceAccountsRouter._def.record,
  keys: keysRouter._def.record,
  audit: auditRouter._def.record,
  events: eventsRouter._def.record,
  sso: ssoRouter._def.record,
  brake: brakeRouter._def.record,
  scimDoctor: scimDoctorRouter._def.record,
  roles: rolesRouter._def.record,
  webhooks: webhooksRouter._def.record,
};

/**
 * The router type clients use (trpc/trpc#5004): the same procedures as `AppRouter` with the
 * context erased to `object`, so a client's bundled `.d.ts` pulls in no server dependency.
 */
export type PublicAppRouter = TRPCBuiltRouter<
  { ctx: object; meta: Meta; errorShape: ProvisioErrorShape; transformer: false },
  typeof publicRecord
>;
