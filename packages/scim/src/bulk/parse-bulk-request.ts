import { badRequest, ScimError } from '../errors/scim-error.ts';
import { BULK_LIMITS } from '../limits.ts';
import { isPlainObject } from '../schema/coerce-input.ts';
import { URN } from '../schema/urns.ts';

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type BulkEndpoint = 'Users' | 'Groups';

/** One operation of a BulkRequest, checked for shape; what it asks is decided by the procedures. */
export type BulkOperation = {
  method: BulkMethod;
  endpoint: BulkEndpoint;
  /** The `{id}` of the path (maybe `bulkId:<id>`); absent for POST. */
  target?: string;
  /** The surrogate id a POST gives its new resource (required on POST, ignored elsewhere). */
  bulkId?: string;
  /** An ETag (`W/"3"`): the operation's If-Match. */
  version?: string;
  data?: unknown;
};

/** An operation as read: usable, or refused with the method and bulkId it claimed (for its result). */
export type ParsedBulkOperation =
  { ok: true; operation: BulkOperation } | { ok: false; error: ScimError; method?: string; bulkId?: string };

export type BulkRequest = { failOnErrors?: number; operations: ParsedBulkOperation[] };

const METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PATH = /^\/?(users|groups)(?:\/([^/?#]+))?\/?$/i;

/** Attribute names are case-insensitive (RFC 7643 §2.1), message attributes included. */
function keyOf(obj: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

/**
 * A BulkRequest body (RFC 7644 §3.7). What makes the whole request unusable is a 400
 * (or a 413 beyond `maxOperations`, before any operation is read); a bad operation is
 * only that operation's error. POST bulkIds must be unique, or references are ambiguous.
 */
export function parseBulkRequest(body: unknown): BulkRequest {
  if (!isPlainObject(body)) throw badRequest('invalidSyntax', 'A Bulk body must be a BulkRequest object');
  const schemas = keyOf(body, 'schemas');
  if (
    schemas !== undefined &&
    !(
      Array.isArray(schemas) &&
      schemas.some((s) => typeof s === 'string' && s.toLowerCase() === URN.bulkRequest.toLowerCase())
    )
  ) {
    throw badRequest('invalidSyntax', `'schemas' must contain ${URN.bulkRequest}`);
  }
  const operations = keyOf(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0)
    throw badRequest('invalidSyntax', "'Operations' must be a non-empty array");
  if (operations.length > BULK_LIMITS.maxOperations) {
    const detail = `The bulk request has ${operations.length.toLocaleString('en')} operations, more than maxOperations (${BULK_LIMITS.maxOperations}): split it into several Bulk requests`;
    throw new ScimError({ status: 413, detail });
  }
  const failOnErrors = keyOf(body, 'failOnErrors');
  if (
    failOnErrors !== undefined &&
    failOnErrors !== null &&
    !(Number.isSafeInteger(failOnErrors) && (failOnErrors as number) >= 1)
  ) {
    throw badRequest(
      'invalidValue',
      "'failOnErrors' must be a whole number of at least 1 (omit it to run every operation whatever fails)",
    );
  }
  const parsed = operations.map(parseOperation);
  const seen = new Set<string>();
  for (const p of parsed) {
    const bulkId = p.ok ? p.operation.bulkId : undefined;
    if (bulkId === undefined) continue;
    if (seen.has(bulkId))
      throw badRequest(
        'invalidValue',
        `bulkId '${bulkId}' is given to more than one POST operation: each must be unique within the request`,
      );
    seen.add(bulkId);
  }
  return { ...(typeof failOnErrors === 'number' ? { failOnErrors } : {}), operations: parsed };
}

function parseOperation(raw: unknown, i: number): ParsedBulkOperation {
  if (!isPlainObject(raw))
    return { ok: false, error: badRequest('invalidSyntax', `Operations[${i}] must be an object`) };
  const method = keyOf(raw, 'method');
  const bulkId = keyOf(raw, 'bulkId');
  const claimed = {
    ...(typeof method === 'string' ? { method } : {}),
    ...(typeof bulkId === 'string' ? { bulkId } : {}),
  };
  try {
    return { ok: true, operation: operationOf(raw, i) };
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
    return { ok: false, error, ...claimed };
  }
}

function operationOf(raw: Record<string, unknown>, i: number): BulkOperation {
  const at = `Operations[${i}]`;
  const rawMethod = keyOf(raw, 'method');
  const method = typeof rawMethod === 'string' ? rawMethod.toUpperCase() : '';
  if (!METHODS.has(method)) throw badRequest('invalidSyntax', `${at}.method must be POST, PUT, PATCH or DELETE`);
  const path = keyOf(raw, 'path');
  const match = typeof path === 'string' ? PATH.exec(path) : null;
  if (!match?.[1])
    throw badRequest(
      'invalidValue',
      `${at}.path must be /Users or /Groups, followed by /{id} unless the method is POST`,
    );
  const endpoint: BulkEndpoint = match[1].toLowerCase() === 'users' ? 'Users' : 'Groups';
  const target = match[2];
  if (method === 'POST' && target !== undefined)
    throw badRequest('invalidValue', `${at}.path: a POST names the endpoint (/${endpoint}), not a resource`);
  if (method !== 'POST' && target === undefined)
    throw badRequest('invalidValue', `${at}.path: a ${method} names a resource (/${endpoint}/{id})`);
  const operation: BulkOperation = {
    method: method as BulkMethod,
    endpoint,
    ...(target !== undefined ? { target } : {}),
  };
  if (method === 'POST') {
    const bulkId = keyOf(raw, 'bulkId');
    if (typeof bulkId !== 'string' || bulkId === '')
      throw badRequest('invalidValue', `${at}.bulkId: a POST needs a non-empty string bulkId`);
    operation.bulkId = bulkId;
  }
  const version = keyOf(raw, 'version');
  if (version !== undefined && version !== null) {
    if (typeof version !== 'string')
      throw badRequest('invalidValue', `${at}.version must be a string (an ETag such as W/"3")`);
    if (method !== 'POST') operation.version = version;
  }
  if (method !== 'DELETE') {
    const data = keyOf(raw, 'data');
    if (!isPlainObject(data))
      throw badRequest('invalidSyntax', `${at}.data must be an object: the body a single ${method} would send`);
    operation.data = data;
  }
  return operation;
}
