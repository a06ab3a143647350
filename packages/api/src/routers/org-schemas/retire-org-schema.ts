import { recordChange } from '@provisio/core/audit';
import { retireOrgSchema } from '@provisio/core/org-schemas';
import { orgProcedure } from '../../trpc.ts';
import { orgSchemaDeps } from './org-schema-deps.ts';
import { ZOrgSchemaSchema, ZRetireOrgSchemaRequestSchema } from './org-schema.types.ts';

/** Admin: retires a schema; its users' values stay stored, invisible, unless `deleteData` erases them. */
export const retireOrgSchemaProcedure = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZRetireOrgSchemaRequestSchema)
  .output(ZOrgSchemaSchema)
  .mutation(async ({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    const before = await ctx.db.orgSchemas.findById(orgId, input.id);
    const schema = await retireOrgSchema(orgSchemaDeps(ctx), { orgId, ...input });
    ctx.logger.info({ orgId, schemaId: schema.id }, 'orgSchemas.retire');
    recordChange(ctx.audit, { resourceType: 'Schema', resourceId: schema.id, before, after: schema });
    return schema;
  });
