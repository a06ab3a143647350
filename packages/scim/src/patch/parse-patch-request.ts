import { badRequest } from '../errors/scim-error.ts';
import { REQUEST_LIMITS } from '../limits.ts';
import { isPlainObject } from '../schema/coerce-input.ts';
import { URN } from '../schema/urns.ts';

export type PatchOpName = 'add' | 'remove' | 'replace';
export type PatchOperation = { op: PatchOpName; path?: string; value?: unknown };

const OPS: ReadonlySet<string> = new Set(['add', 'remove', 'replace']);

function keyOf(obj: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

/**
 * Validates a PatchOp body (RFC 7644 §3.5.2) and normalises what IdPs vary: op case
 * (`Replace`), member-name case, and a null path (treated as absent).
 * A missing `schemas` is tolerated; one that does not list PatchOp is refused. More than
 * 1,000 operations → 400 `tooMany` (checked before any is read).
 */
export function parsePatchRequest(body: unknown): PatchOperation[] {
  if (!isPlainObject(body)) throw badRequest('invalidSyntax', 'A PATCH body must be a PatchOp object');
  const schemas = keyOf(body, 'schemas');
  if (schemas !== undefined) {
    const ok =
      Array.isArray(schemas) &&
      schemas.some((s) => typeof s === 'string' && s.toLowerCase() === URN.patchOp.toLowerCase());
    if (!ok) throw badRequest('invalidSyntax', `'schemas' must contain ${URN.patchOp}`);
  }
  const operations = keyOf(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw badRequest('invalidSyntax', "'Operations' must be a non-empty array");
  }
  if (operations.length > REQUEST_LIMITS.patchOperations) {
    const most = REQUEST_LIMITS.patchOperations.toLocaleString('en');
    throw badRequest(
      'tooMany',
      `A PATCH may carry at most ${most} operations; this one has ${operations.length.toLocaleString('en')}: split it into several PATCH requests`,
    );
  }
  return operations.map((raw, i) => {
    if (!isPlainObject(raw)) throw badRequest('invalidSyntax', `Operations[${i}] must be an object`);
    const op = keyOf(raw, 'op');
    if (typeof op !== 'string' || !OPS.has(op.toLowerCase())) {
      throw badRequest('invalidSyntax', `Operations[${i}].op must be add, remove or replace`);
    }
    const path = keyOf(raw, 'path');
    if (path !== undefined && path !== null && typeof path !== 'string') {
      throw badRequest('invalidPath', `Operations[${i}].path must be a string`);
    }
    const out: PatchOperation = { op: op.toLowerCase() as PatchOpName };
    if (typeof path === 'string') out.path = path;
    const hasValue = Object.keys(raw).some((k) => k.toLowerCase() === 'value');
    if (hasValue) out.value = keyOf(raw, 'value');
    return out;
  });
}
