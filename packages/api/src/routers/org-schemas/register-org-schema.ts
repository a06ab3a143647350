import { recordChange } from '@provisio/core/audit';
import { registerOrgSchema } from '@provisio/core/org-schemas';
import { orgProcedure } from '../../trpc.ts';
import { orgSchemaDeps } from './org-schema-deps.ts';
import { ZOrgSchemaSchema, ZRegisterOrgSchemaRequestSchema } from './org-schema.types.ts';

/** Admin: registers a User extension schema; the org's SCIM endpoint serves it at once. */
export const registerOrgSchemaProcedure = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZRegisterOrgSchemaRequestSchema)
  .output(ZOrgSchemaSchema)
  .mutation(async ({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    const schema = await registerOrgSchema(orgSchemaDeps(ctx), { orgId, definition: input });
    ctx.logger.info({ orgId, schemaId: schema.id }, 'orgSchemas.register');
    recordChange(ctx.audit, { resourceType: 'Schema', resourceId: schema.id, before: null, after: schema });
    return schema;
  });
