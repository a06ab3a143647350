import type { DomainDeps } from '@provisio/core';
import { createSchemaRegistry } from '@provisio/scim';
import type { Context } from '../context.ts';

/** The core services' dependencies, from the request context. */
export const domainDeps = (ctx: Pick<Context, 'db' | 'clock'>): DomainDeps => ({ users: ctx.db.users, groups: ctx.db.groups, clock: ctx.clock });

/** RFC schemas (core, enterprise, group). Frozen and shared; org extensions come later. */
export const scimRegistry = createSchemaRegistry();
