import { listGroupMembers } from '@provisio/core';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps } from '../domain-deps.ts';
import { ZListMembersRequestSchema, ZListMembersResponseSchema } from './list-members.types.ts';

/** Members a page at a time, ordered by member id (for groups too large to render whole). */
export const listMembersProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZListMembersRequestSchema)
  .output(ZListMembersResponseSchema)
  .query(({ ctx, input }) => listGroupMembers(domainDeps(ctx), { orgId: ctx.auth.orgId, ...input }));
