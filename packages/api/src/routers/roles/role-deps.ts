import type { RoleAdminDeps } from '@provisio/core/roles';
import type { Context } from '../../context.ts';
import { domainDeps } from '../domain-deps.ts';

type RoleContext = Parameters<typeof domainDeps>[0] & Pick<Context, 'db' | 'audit'>;

/** The role services' deps: the same user writes (and effects) as every procedure's. */
export function roleDepsOf(ctx: RoleContext): RoleAdminDeps {
  const { users, groups, clock } = domainDeps(ctx);
  return { users, groups, clock, roles: ctx.db.roles, orgs: ctx.db.orgs, audit: ctx.audit };
}
