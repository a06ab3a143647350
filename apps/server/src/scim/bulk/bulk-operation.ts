import { createAuditCollector } from '@provisio/core/audit';
import { resolveBulkIds } from '@provisio/scim';
import type { BulkOperation, BulkOperationResult } from '@provisio/scim';
import type { Request, Response } from 'express';
import { auditOperationOf } from '../../auth/scim-audit.ts';
import type { OrgPrincipal } from '../http/scim-auth.ts';
import { scimErrorBody } from '../http/scim-error-handler.ts';
import { resourceIdOf, versionOfETag } from '../http/scim-request.ts';
import { toScimFailure } from '../http/to-scim-failure.ts';
import type { ScimFailure } from '../http/to-scim-failure.ts';
import { versionTagOf } from '../render-resources.ts';
import type { ResourceWrites } from '../resource-writes.ts';
import type { ScimCaller } from '../scim-context.ts';
import { requestIdOf, scimCaller } from '../scim-context.ts';
import type { ScimDeps } from '../scim-context.ts';

export type BulkContext = { deps: ScimDeps; req: Request; res: Response; writes: ResourceWrites; baseUrl: string };

/** A failed operation's result: its SCIM error as `response`, and where it pointed unless it was a POST. */
export function failedResult(
  ctx: BulkContext,
  claimed: { method: string; bulkId?: string | undefined; path?: string },
  failure: ScimFailure,
): BulkOperationResult {
  const location = claimed.method !== 'POST' && claimed.path ? `${ctx.baseUrl}${claimed.path}` : undefined;
  return {
    method: claimed.method,
    ...(claimed.bulkId !== undefined ? { bulkId: claimed.bulkId } : {}),
    ...(location ? { location } : {}),
    status: failure.status,
    response: scimErrorBody(failure, requestIdOf(ctx.req, ctx.res)),
  };
}

/**
 * Runs one operation as the single request it stands for: its bulkIds replaced by the
 * ids `created` holds, `version` as If-Match, through the same writes (procedures, rules,
 * audit) as `/Users` and `/Groups`, as its own audit event. A POST adds its new id to
 * `created`. Never throws: a failure is the operation's result.
 */
export async function runBulkOperation(
  ctx: BulkContext,
  op: BulkOperation,
  auth: OrgPrincipal,
  created: Map<string, string>,
): Promise<BulkOperationResult> {
  const started = performance.now();
  const collector = createAuditCollector({ writtenBy: 'http', userAgent: ctx.req.headers['user-agent'] ?? null });
  const requestId = requestIdOf(ctx.req, ctx.res);
  const caller = scimCaller(ctx.deps, { auth, requestId, audit: collector });
  const target = op.target === undefined ? undefined : resolveBulkIds(op.target, created);
  const path = `/${op.endpoint}${target === undefined ? '' : `/${target}`}`;
  let result: BulkOperationResult;
  try {
    const id = target === undefined ? undefined : resourceIdOf(target);
    const record = await write(
      ctx.writes[op.endpoint],
      caller,
      op.method,
      id ?? '',
      resolveBulkIds(op.data, created),
      versionOfETag(op.version),
    );
    if (record && op.bulkId !== undefined) created.set(op.bulkId, record.id);
    // As the single request answers: a Group PATCH (no projection in Bulk) is 204, like a DELETE.
    const noBody = op.method === 'DELETE' || (op.method === 'PATCH' && op.endpoint === 'Groups');
    const status = op.method === 'POST' ? 201 : noBody ? 204 : 200;
    const location = `${ctx.baseUrl}/${op.endpoint}/${record?.id ?? id ?? ''}`;
    result = {
      method: op.method,
      ...(op.bulkId !== undefined ? { bulkId: op.bulkId } : {}),
      location,
      ...(record ? { version: versionTagOf(record) } : {}),
      status,
    };
  } catch (error) {
    const failure = toScimFailure(error);
    if (failure.internal)
      ctx.req.log.error(
        { err: error, requestId, path: '/scim/v2/Bulk', operation: `${op.method} ${path}` },
        'scim bulk operation failed',
      );
    result = failedResult(ctx, { method: op.method, bulkId: op.bulkId, path }, failure);
  }
  auditOperationOf(ctx.res)?.({ method: op.method, path, status: result.status, collector, started });
  return result;
}

/** The write a method stands for; the record written (none for DELETE). */
async function write(
  writes: ResourceWrites[BulkOperation['endpoint']],
  caller: ScimCaller,
  method: BulkOperation['method'],
  id: string,
  data: unknown,
  version: number | undefined,
) {
  switch (method) {
    case 'POST':
      return writes.create(caller, data);
    case 'PUT':
      return writes.replace(caller, id, data, version);
    case 'PATCH':
      return writes.patch(caller, id, data, version);
    case 'DELETE':
      await writes.remove(caller, id, version);
      return undefined;
  }
}
