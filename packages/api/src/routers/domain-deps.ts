import { withUserEffects } from '@provisio/core';
import type { DomainDeps } from '@provisio/core';
import { createSchemaRegistry } from '@provisio/scim';
import { withDeprovisionBrake } from '@provisio/core/brake';
import { withGroupRoleGuard, withGroupRoles } from '@provisio/core/roles';
import type { Context } from '../context.ts';
import { brakeDepsOf } from './brake/brake-deps.ts';
import { userEffectsOf } from './user-effects.ts';

/** The core services' dependencies, from the request context: every user write through them brings its effects. */
export function domainDeps(ctx: Parameters<typeof userEffectsOf>[0] & Pick<Context, 'surface'>): DomainDeps {
  const effects = withUserEffects(ctx.db.users, userEffectsOf(ctx));
  // While a mapped group gives a user's role, the groups decide it (decideRole).
  const users = withGroupRoleGuard(effects, { audit: ctx.audit, fromIdp: ctx.surface === 'scim' });
  // Every deprovision through SCIM is admitted by the org's mass-deprovision brake first.
  const brake = brakeDepsOf(ctx);
  const guarded = brake ? withDeprovisionBrake(users, brake) : users;
  // Every membership change of a mapped group recomputes the roles of the members it touched.
  const roleDeps = { users: guarded, roles: ctx.db.roles, orgs: ctx.db.orgs, clock: ctx.clock, audit: ctx.audit };
  return { users: guarded, groups: withGroupRoles(ctx.db.groups, roleDeps), clock: ctx.clock };
}

/** RFC schemas (core, enterprise, group). Frozen and shared; org extensions come later. */
export const scimRegistry = createSchemaRegistry();
