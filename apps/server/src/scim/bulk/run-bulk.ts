import { bulkIdReferences, planBulk } from '@provisio/scim';
import type { BulkOperationResult, BulkRequest } from '@provisio/scim';
import { admitScimCall, orgPrincipal } from '../http/scim-auth.ts';
import type { OrgPrincipal } from '../http/scim-auth.ts';
import { toScimFailure } from '../http/to-scim-failure.ts';
import type { ScimFailure } from '../http/to-scim-failure.ts';
import { failedResult, runBulkOperation } from './bulk-operation.ts';
import type { BulkContext } from './bulk-operation.ts';

export type BulkOutcome = { results: BulkOperationResult[]; retryAfter?: string };

/**
 * Runs a BulkRequest one operation at a time, in the planned order (forward references
 * first), and reports in request order. Each operation is admitted as a call of its own
 * before anything of it runs (the request's admission pays for the first): a refusal
 * (429 past the key's rate limit, 401 for a key revoked meanwhile, 403 for SCIM closed)
 * stops the run, and that operation and every one not yet run report it. `failOnErrors`
 * stops the run at that many failed operations; those never run are left out (RFC 7644
 * §3.7.3). Nothing is undone: the operations before a stop stay applied.
 */
export async function runBulk(ctx: BulkContext, request: BulkRequest): Promise<BulkOutcome> {
  const references = request.operations.map((p) => (p.ok ? bulkIdReferences(p.operation) : []));
  const plan = planBulk(
    request.operations.map((p, i) =>
      p.ok
        ? {
            ...(p.operation.bulkId !== undefined ? { defines: p.operation.bulkId } : {}),
            references: references[i] ?? [],
          }
        : null,
    ),
  );
  const results = new Map<number, BulkOperationResult>();
  const created = new Map<string, string>();
  let failed = 0;
  let retryAfter: string | undefined;
  for (const [turn, i] of plan.order.entries()) {
    let auth: OrgPrincipal;
    try {
      auth = turn === 0 ? orgPrincipal(ctx.res) : await admitScimCall(ctx.deps.resolvePrincipal, ctx.req);
    } catch (error) {
      const refusal = toScimFailure(error);
      // A refusal (rate limit, revoked key) is the caller's answer; anything else is ours to see.
      if (refusal.internal) ctx.req.log.error({ err: error, path: '/scim/v2/Bulk' }, 'scim bulk admission failed');
      for (const j of plan.order.slice(turn)) results.set(j, unrun(ctx, request, j, refusal));
      retryAfter = refusal.headers?.['Retry-After'];
      break;
    }
    const refusal = plan.refused.get(i);
    const result = await runOne(ctx, request, i, {
      auth,
      created,
      refused: refusal && { ...refusal, internal: false },
      references: references[i] ?? [],
    });
    results.set(i, result);
    if (result.status >= 400 && ++failed >= (request.failOnErrors ?? Infinity)) break;
  }
  const inRequestOrder = [...results.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
  return { results: inRequestOrder, ...(retryAfter !== undefined ? { retryAfter } : {}) };
}

type Turn = {
  auth: OrgPrincipal;
  created: Map<string, string>;
  refused: ScimFailure | undefined;
  references: readonly string[];
};

async function runOne(ctx: BulkContext, request: BulkRequest, i: number, turn: Turn): Promise<BulkOperationResult> {
  const parsed = request.operations[i];
  if (!parsed?.ok) return unrun(ctx, request, i, toScimFailure(parsed?.error));
  const op = parsed.operation;
  if (turn.refused) return unrun(ctx, request, i, turn.refused);
  // Every bulkId it needs ran before it (the plan's order); one missing is a POST that failed.
  const missing = turn.references.find((bulkId) => !turn.created.has(bulkId));
  if (missing !== undefined)
    return unrun(ctx, request, i, {
      status: 409,
      detail: `bulkId '${missing}' was not created (its POST failed), so this operation was not run`,
      internal: false,
    });
  return runBulkOperation(ctx, op, turn.auth, turn.created);
}

/** The result of an operation that did not run, with what it claimed to be. */
function unrun(ctx: BulkContext, request: BulkRequest, i: number, failure: ScimFailure): BulkOperationResult {
  const parsed = request.operations[i];
  if (!parsed?.ok) return failedResult(ctx, { method: parsed?.method ?? '', bulkId: parsed?.bulkId }, failure);
  const { method, bulkId, endpoint, target } = parsed.operation;
  return failedResult(
    ctx,
    { method, bulkId, path: `/${endpoint}${target === undefined ? '' : `/${target}`}` },
    failure,
  );
}
