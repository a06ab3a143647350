import { recordChange } from '@provisio/core/audit';
import { changeOrgSchema } from '@provisio/core/org-schemas';
import { orgProcedure } from '../../trpc.ts';
import { orgSchemaDeps } from './org-schema-deps.ts';
import { ZChangeOrgSchemaRequestSchema, ZOrgSchemaSchema } from './org-schema.types.ts';

/** Admin: renames, re-describes, adds, hides (values kept) or deletes (with values) attributes. */
export const changeOrgSchemaProcedure = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZChangeOrgSchemaRequestSchema)
  .output(ZOrgSchemaSchema)
  .mutation(async ({ ctx, input }) => {
    const orgId = ctx.auth.orgId;
    const before = await ctx.db.orgSchemas.findById(orgId, input.id);
    const schema = await changeOrgSchema(orgSchemaDeps(ctx), { orgId, ...input });
    ctx.logger.info({ orgId, schemaId: schema.id }, 'orgSchemas.change');
    recordChange(ctx.audit, { resourceType: 'Schema', resourceId: schema.id, before, after: schema });
    return schema;
  });
