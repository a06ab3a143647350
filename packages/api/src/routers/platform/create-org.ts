import { provisionOrg } from '@provisio/core/orgs';
import { diffRecords } from '@provisio/core/audit';
import { platformProcedure } from '../../trpc.ts';
import { recordPlatformChange } from './record-platform-change.ts';
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
    await recordPlatformChange(ctx, {
      orgId: org.id,
      action: 'platform.createOrg',
      resourceType: 'Org',
      resourceId: org.id,
      changes,
    });
    return { org, serviceAccount, scim: { baseUrl: scimBaseUrlOf(ctx), token: scimKey.token, key: scimKey.key } };
  });
