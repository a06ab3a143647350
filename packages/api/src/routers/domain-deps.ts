import { withUserEffects } from '@provisio/core';
import type { DomainDeps } from '@provisio/core';
import { createSchemaRegistry } from '@provisio/scim';
import { userEffectsOf } from './user-effects.ts';

/** The core services' dependencies, from the request context: every user write through them brings its effects. */
export const domainDeps = (ctx: Parameters<typeof userEffectsOf>[0]): DomainDeps => ({
  users: withUserEffects(ctx.db.users, userEffectsOf(ctx)),
  groups: ctx.db.groups,
  clock: ctx.clock,
});

/** RFC schemas (core, enterprise, group). Frozen and shared; org extensions come later. */
export const scimRegistry = createSchemaRegistry();
