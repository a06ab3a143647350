import type { Context } from '../../context.ts';

export const orgSchemaDeps = (ctx: Pick<Context, 'db' | 'clock'>) => ({
  orgSchemas: ctx.db.orgSchemas,
  clock: ctx.clock,
});
