import { createCaller, createInnerContext } from '@provisio/api';
import type { Request, Response } from 'express';
import type { ServerDeps } from '../create-server.ts';
import { auditCollectorOf } from '../auth/scim-audit.ts';
import { orgPrincipal } from './http/scim-auth.ts';
import type { OrgPrincipal } from './http/scim-auth.ts';
import type { AuditCollector } from '@provisio/core/audit';
import type { RenderContext } from './render-resources.ts';

/** What every SCIM route handler needs beyond the request: the deps and the SCIM base URL. */
export type ScimDeps = Omit<ServerDeps, 'redis'>;

/** `${publicUrl}/scim/v2`: the base of every `meta.location` and `$ref`. */
export const scimBaseUrl = (deps: Pick<ServerDeps, 'publicUrl'>) => `${deps.publicUrl.replace(/\/+$/, '')}/scim/v2`;

/**
 * The tRPC caller for this request, acting as the org principal `scimAuth` admitted, on
 * the `scim` surface (users it creates are `source: scim`). The procedures own every rule
 * (scopes, org isolation, uniqueness); handlers only translate.
 */
export function callerFor(deps: ScimDeps, req: Request, res: Response) {
  return scimCaller(deps, { auth: orgPrincipal(res), requestId: requestIdOf(req, res), audit: auditCollectorOf(res) });
}

/** A SCIM caller with its own principal and audit collector: one Bulk operation's. */
export function scimCaller(
  deps: ScimDeps,
  call: { auth: OrgPrincipal; requestId: string; audit: AuditCollector | undefined },
) {
  const { auth, requestId, audit } = call;
  const logger = deps.logger.child({ requestId, orgId: auth.orgId });
  return createCaller(
    createInnerContext({
      db: deps.db,
      logger,
      clock: deps.clock,
      queue: deps.queue,
      publicUrl: deps.publicUrl,
      listCursorKey: deps.listCursorKey,
      auth,
      requestId,
      audit,
      surface: 'scim',
    }),
  );
}

/** Set by requestIdFor (create-server) before any route; req.id is the same id for pino-http. */
export function requestIdOf(req: Request, res: Response): string {
  const header = res.getHeader('X-Request-Id');
  return typeof header === 'string' ? header : typeof req.id === 'string' ? req.id : '';
}

export type ScimCaller = ReturnType<typeof callerFor>;

/** This request's registry and base URL, set by `orgRegistryFor` right after auth. */
export function renderContextOf(res: Response): RenderContext {
  const ctx = res.locals['scim'] as RenderContext | undefined;
  if (!ctx) throw new Error('orgRegistryFor has not run for this request');
  return ctx;
}
