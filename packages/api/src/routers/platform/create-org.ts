import { provisionOrg } from '@provisio/core/orgs';
import { actorOf, diffRecords, newAuditEvent } from '@provisio/core/audit';
import { platformProcedure } from '../../trpc.ts';
import { accessDeps, scimBaseUrlOf } from '../audit/access-deps.ts';
import { ZCreateOrgRequestSchema, ZCreateOrgResponseSchema } from './create-org.types.ts';

/** Platform: a new org with SCIM enabled, a `scim-provisioning` service account and its `scim` key (returned once). */
export const createOrg = platformProcedure
  .input(ZCreateOrgRequestSchema)
  .output(ZCreateOrgResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { org, serviceAccount, scimKey } = await provisionOrg(accessDeps(ctx), input);
    ctx.logger.info({ orgId: org.id, keyId: scimKey.key.id }, 'org provisioned');
    const changes = [
      ...diffRecords({ resourceType: 'Org', resourceId: org.id }, null, {
        name: org.name,
        plan: org.plan,
        settings: org.settings,
      }),
      ...diffRecords({ resourceType: 'ServiceAccount', resourceId: serviceAccount.id }, null, {
        name: serviceAccount.name,
      }),
      ...diffRecords({ resourceType: 'ApplicationKey', resourceId: scimKey.key.id }, null, {
        name: scimKey.key.name,
        ownerId: serviceAccount.id,
        scopes: scimKey.key.scopes,
      }),
    ];
    const event = {
      orgId: org.id,
      surface: 'trpc',
      actor: actorOf(ctx.auth),
      action: 'platform.createOrg',
      outcome: 'success',
      changes,
    } as const;
    await ctx.db.audit.insert(
      newAuditEvent(ctx.clock.now(), {
        ...event,
        resourceType: 'Org',
        resourceId: org.id,
        status: 200,
        requestId: ctx.requestId ?? null,
      }),
    );
    return { org, serviceAccount, scim: { baseUrl: scimBaseUrlOf(ctx), token: scimKey.token, key: scimKey.key } };
  });
