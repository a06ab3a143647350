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
export const auditCollectorOf = (res: Response): AuditCollector | undefined => res.locals['audit'] as AuditCollector | undefined;

/**
 * Mounted before the SCIM router: every authenticated SCIM request becomes one audit
 * event of the org, written once the response has gone out (never delaying it; batched
 * with other requests' events by `ledger`), with
 * what the procedures recorded. Also notes the key's SCIM use (the key repository writes
 * it at most once a minute).
 */
export function scimAudit(deps: ScimAuditDeps): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const userAgent = req.headers['user-agent'] ?? null;
    const collector = createAuditCollector({ writtenBy: 'http', userAgent });
    res.locals['audit'] = collector;
    const path = loggablePath(`${req.baseUrl}${req.path}`);
    // Read now: Express rewrites req.url/path on the way out of mounted routers.
    const fromPath = resourceOf(req.path);
    res.once('finish', () => {
      const principal = res.locals['principal'] as OrgPrincipal | undefined;
      if (!principal) return;
      const now = deps.clock.now();
      const event = newAuditEvent(now, {
        orgId: principal.orgId,
        surface: 'scim',
        actor: actorOf(principal),
        userAgent,
        method: req.method,
        path,
        action: `scim ${req.method} ${fromPath.resourceType ?? '/'}${fromPath.resourceId ? '/{id}' : ''}`,
        resourceType: fromPath.resourceType ?? collector.subject?.resourceType ?? null,
        resourceId: fromPath.resourceId ?? collector.subject?.resourceId ?? null,
        status: res.statusCode,
        outcome: res.statusCode < 400 ? 'success' : 'failure',
        changes: collector.changes,
        notes: collector.notes,
        requestId: String(res.getHeader('X-Request-Id') ?? '') || null,
        durationMs: Math.round(performance.now() - started),
      });
      const touch = principal.keyId ? deps.keys.noteUse(principal.orgId, principal.keyId, { field: 'lastScimUsedAt', now }) : Promise.resolve();
      deps.ledger.add(event);
      touch.catch((err: unknown) => deps.logger.warn({ err, orgId: principal.orgId }, 'could not record key use'));
    });
    next();
  };
}
