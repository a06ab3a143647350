import { orgRegistry } from '@provisio/api';
import type { RequestHandler } from 'express';
import type { RenderContext } from '../render-resources.ts';
import type { ScimDeps } from '../scim-context.ts';
import { scimBaseUrl } from '../scim-context.ts';
import { orgPrincipal } from './scim-auth.ts';

/**
 * After auth: the calling org's registry (RFC schemas plus its extension schemas) for every
 * parse, render and discovery answer of this request. Another org's schemas are never in it.
 */
export function orgRegistryFor(deps: ScimDeps): RequestHandler {
  const baseUrl = scimBaseUrl(deps);
  return async (_req, res, next) => {
    const { registry } = await orgRegistry(deps, orgPrincipal(res).orgId);
    const ctx: RenderContext = { registry, baseUrl };
    res.locals['scim'] = ctx;
    next();
  };
}
