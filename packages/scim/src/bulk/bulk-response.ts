import type { ScimErrorBody } from '../errors/to-scim-error-body.ts';
import { URN } from '../schema/urns.ts';

/** What became of one operation; `response` only on failure (RFC 7644 §3.7.3 lets a success omit it). */
export type BulkOperationResult = {
  method: string;
  bulkId?: string;
  /** Absolute URL of the resource; absent for a POST that created nothing. */
  location?: string;
  /** The resource's version tag after the operation (a number, or a user's `<version>-<groups digest>`), rendered as its ETag. */
  version?: number | string;
  status: number;
  response?: ScimErrorBody;
};

/** BulkResponse (RFC 7644 §3.7): `status` a string, `version` the ETag a single request would have sent. */
export function buildBulkResponse(results: readonly BulkOperationResult[]) {
  return {
    schemas: [URN.bulkResponse],
    Operations: results.map((r) => ({
      method: r.method,
      ...(r.bulkId !== undefined ? { bulkId: r.bulkId } : {}),
      ...(r.location !== undefined ? { location: r.location } : {}),
      ...(r.version !== undefined ? { version: `W/"${r.version}"` } : {}),
      status: String(r.status),
      ...(r.response ? { response: r.response } : {}),
    })),
  };
}
