import type { UserAttributes } from '../domain/types.ts';
import { defaultActive } from '../mapping/default-active.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { applyOperation } from './apply-operation.ts';
import { parsePatchRequest } from './parse-patch-request.ts';
import type { Doc, PatchContext } from './patch-context.ts';
import { validatePatched } from './validate-patched.ts';

export type ApplyUserPatchOptions = {
  /** The stored user in the domain shape; never mutated. */
  user: UserAttributes;
  /** The PatchOp request body as received (validated here). */
  patch: unknown;
  registry: SchemaRegistry;
  /** The user's id, so a path-less `id` equal to it is ignored rather than refused. */
  id?: string;
};

export type ApplyUserPatchResult = {
  attributes: UserAttributes;
  /** Present when the patch set `password` (write-only): hash it, never store or echo it. */
  password?: string;
};

/**
 * Applies a PatchOp (RFC 7644 §3.5.2) to a user, all or nothing: ops run in order on a
 * copy, the result is validated, and any failure throws a ScimError leaving `user` untouched.
 */
export function applyUserPatch(opts: ApplyUserPatchOptions): ApplyUserPatchResult {
  const ops = parsePatchRequest(opts.patch);
  const doc = structuredClone(opts.user) as unknown as Doc;
  const ctx: PatchContext = {
    registry: opts.registry,
    resource: opts.registry.resources.User,
    id: opts.id,
    password: undefined,
  };
  for (const op of ops) applyOperation(ctx, doc, op, undefined);
  // Removing `active` (path `active`, or a null value) returns it to its default.
  defaultActive(doc);
  validatePatched(ctx.resource, doc);
  const result: ApplyUserPatchResult = { attributes: doc as unknown as UserAttributes };
  if (ctx.password !== undefined) result.password = ctx.password;
  return result;
}
