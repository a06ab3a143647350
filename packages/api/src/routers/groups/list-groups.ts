import { listGroups } from '@provisio/core';
import { parseFilter } from '@provisio/scim';
import { orgProcedure } from '../../trpc.ts';
import { domainDeps, scimRegistry } from '../domain-deps.ts';
import { ZListGroupsRequestSchema, ZListGroupsResponseSchema } from './list-groups.types.ts';

/** A page of the org's groups; `displayName eq` ignores case, `members eq "<userId>"` works. */
export const listGroupsProcedure = orgProcedure
  .meta({ scope: 'users:read' })
  .input(ZListGroupsRequestSchema)
  .output(ZListGroupsResponseSchema)
  .query(({ ctx, input }) => {
    const { filter, ...rest } = input;
    const ast = filter ? parseFilter(filter, { registry: scimRegistry, resourceType: 'Group' }) : undefined;
    return listGroups(domainDeps(ctx), { orgId: ctx.auth.orgId, filter: ast, ...rest });
  });
