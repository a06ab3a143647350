import { AppError } from '@provisio/core';
import { z } from 'zod';
import { orgProcedure } from '../../trpc.ts';
import { ZGetOrgSchemaRequestSchema, ZListOrgSchemasRequestSchema, ZOrgSchemaSchema } from './org-schema.types.ts';

/** Admin: the org's extension schemas, oldest first (retired ones on request). */
export const listOrgSchemasProcedure = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZListOrgSchemasRequestSchema)
  .output(z.array(ZOrgSchemaSchema))
  .query(({ ctx, input }) =>
    ctx.db.orgSchemas.list(ctx.auth.orgId, { includeRetired: input?.includeRetired ?? false }),
  );

export const getOrgSchemaProcedure = orgProcedure
  .meta({ scope: 'admin' })
  .input(ZGetOrgSchemaRequestSchema)
  .output(ZOrgSchemaSchema)
  .query(async ({ ctx, input }) => {
    const schema = await ctx.db.orgSchemas.findById(ctx.auth.orgId, input.id);
    if (!schema) throw new AppError('NOT_FOUND', { message: `schema ${input.id} not found` });
    return schema;
  });
