import { withUserEffects } from '@provisio/core';
import type { DomainDeps } from '@provisio/core';
import { createSchemaRegistry } from '@provisio/scim';
import { withDeprovisionBrake } from '@provisio/core/brake';
import type { Context } from '../context.ts';
import { brakeDepsOf } from './brake/brake-deps.ts';
import { userEffectsOf } from './user-effects.ts';

/** The core services' dependencies, from the request context: every user write through them brings its effects. */
export function domainDeps(ctx: Parameters<typeof userEffectsOf>[0] & Pick<Context, 'surface'>): DomainDeps {
  const users = withUserEffects(ctx.db.users, userEffectsOf(ctx));
  // Every deprovision through SCIM is admitted by the org's mass-deprovision brake first.
  const brake = brakeDepsOf(ctx);
  return { users: brake ? withDeprovisionBrake(users, brake) : users, groups: ctx.db.groups, clock: ctx.clock };
}

/** RFC schemas (core, enterprise, group). Frozen and shared; org extensions come later. */
export const scimRegistry = createSchemaRegistry();
