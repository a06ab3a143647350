import type { Clock } from '@provisio/core';
import { actorOf, createAuditCollector, newAuditEvent } from '@provisio/core/audit';
import type { AuditCollector } from '@provisio/core/audit';
import type { KeyRepository } from '@provisio/core/keys';
import type { Logger } from '@provisio/logger';
import type { RequestHandler, Response } from 'express';
import { loggablePath } from '../http/loggable-path.ts';
import type { AuditBatch } from './audit-batch.ts';
import type { OrgPrincipal } from '../scim/http/scim-auth.ts';

export type ScimAuditDeps = { ledger: AuditBatch; keys: KeyRepository; clock: Clock; logger: Logger };

const RESOURCE_TYPES: Record<string, string> = { Users: 'User', Groups: 'Group' };

/** `/Users/0193…?x` → `{ resourceType: 'User', resourceId: '0193…' }`; discovery paths name their endpoint. */
function resourceOf(path: string): { resourceType: string | null; resourceId: string | null } {
  const [segment, id] = path.split('/').filter(Boolean);
  if (!segment) return { resourceType: null, resourceId: null };
  return { resourceType: RESOURCE_TYPES[segment] ?? segment, resourceId: id ?? null };
}

/** The collector SCIM procedures append to (via the caller's context). */
export const auditCollectorOf = (res: Response): AuditCollector | undefined =>
  res.locals['audit'] as AuditCollector | undefined;

/** One SCIM call as audited: its method, its path under /scim/v2, its status and what it changed. */
export type AuditedCall = { method: string; path: string; status: number; collector: AuditCollector; started: number };

/** Writes one Bulk operation as the audit event its single request would have been. */
export type AuditOperation = (call: AuditedCall) => void;
export const auditOperationOf = (res: Response): AuditOperation | undefined =>
  res.locals['auditOperation'] as AuditOperation | undefined;

/**
 * Mounted before the SCIM router: every authenticated SCIM request becomes one audit
 * event of the org, written once the response has gone out (never delaying it; batched
 * with other requests' events by `ledger`), with
 * what the procedures recorded. A Bulk request is one event, and each of its operations
 * one more (`auditOperationOf`). Also notes the key's SCIM use (the key repository writes
 * it at most once a minute).
 */
export function scimAudit(deps: ScimAuditDeps): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const userAgent = req.headers['user-agent'] ?? null;
    const collector = createAuditCollector({ writtenBy: 'http', userAgent });
    res.locals['audit'] = collector;
    // Read now: Express rewrites req.url/path on the way out of mounted routers.
    const base = req.baseUrl;
    const path = req.path;
    const write = (call: AuditedCall) => {
      const principal = res.locals['principal'] as OrgPrincipal | undefined;
      if (!principal) return;
      const fromPath = resourceOf(call.path);
      const event = newAuditEvent(deps.clock.now(), {
        orgId: principal.orgId,
        surface: 'scim',
        actor: actorOf(principal),
        userAgent,
        method: call.method,
        path: loggablePath(`${base}${call.path}`),
        action: `scim ${call.method} ${fromPath.resourceType ?? '/'}${fromPath.resourceId ? '/{id}' : ''}`,
        resourceType: fromPath.resourceType ?? call.collector.subject?.resourceType ?? null,
        resourceId: fromPath.resourceId ?? call.collector.subject?.resourceId ?? null,
        status: call.status,
        outcome: call.status < 400 ? 'success' : 'failure',
        changes: call.collector.changes,
        notes: call.collector.notes,
        requestId: String(res.getHeader('X-Request-Id') ?? '') || null,
        durationMs: Math.round(performance.now() - call.started),
      });
      deps.ledger.add(event);
    };
    res.locals['auditOperation'] = write satisfies AuditOperation;
    res.once('finish', () => {
      write({ method: req.method, path, status: res.statusCode, collector, started });
      const principal = res.locals['principal'] as OrgPrincipal | undefined;
      if (!principal?.keyId) return;
      const touch = deps.keys.noteUse(principal.orgId, principal.keyId, {
        field: 'lastScimUsedAt',
        now: deps.clock.now(),
      });
      touch.catch((err: unknown) => deps.logger.warn({ err, orgId: principal.orgId }, 'could not record key use'));
    });
    next();
  };
}
