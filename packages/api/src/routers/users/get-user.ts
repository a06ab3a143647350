import { getUser } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZGetUserRequestSchema, ZGetUserResponseSchema } from './get-user.types.ts';

/** One user; an id of another org is NOT_FOUND exactly like one that never existed. */
export const getUserProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZGetUserRequestSchema)
  .output(ZGetUserResponseSchema)
  .query(({ ctx, input }) =>
    getUser(domainDeps(ctx), {
      orgId: ctx.auth.orgId,
      id: input.id,
      ...(input.withGroups === false ? { withGroups: false } : {}),
    }),
  );
