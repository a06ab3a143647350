import { buildBulkResponse, parseBulkRequest } from '@provisio/scim';
import { Router } from 'express';
import { methodNotAllowed } from '../http/method-not-allowed.ts';
import { sendScim } from '../http/scim-response.ts';
import { resourceWrites } from '../resource-writes.ts';
import { renderContextOf } from '../scim-context.ts';
import type { ScimDeps } from '../scim-context.ts';
import { runBulk } from './run-bulk.ts';

/**
 * `POST /Bulk` (RFC 7644 §3.7): a BulkRequest in, a BulkResponse out (200 whatever the
 * operations' statuses). A body over 1 MB never gets here (the body parser's 413); more
 * than `maxOperations` or an unusable body is refused whole, before anything runs.
 */
export function bulkRouter(deps: ScimDeps): Router {
  const router = Router();
  router
    .route('/Bulk')
    .post(async (req, res) => {
      const request = parseBulkRequest(req.body);
      const ctx = renderContextOf(res);
      const writes = resourceWrites(ctx.registry);
      const outcome = await runBulk({ deps, req, res, writes, baseUrl: ctx.baseUrl }, request);
      if (outcome.retryAfter !== undefined) res.setHeader('Retry-After', outcome.retryAfter);
      sendScim(res, 200, buildBulkResponse(outcome.results));
    })
    .all(methodNotAllowed(['POST']));
  return router;
}
