import { badRequest } from '../errors/scim-error.ts';
import type { ExtensionBinding } from '../schema/registry.ts';
import { resolveAttribute } from '../schema/resolve-attribute.ts';
import { applyFiltered } from './apply-filtered.ts';
import { applyPlain } from './apply-plain.ts';
import type { OpInput } from './apply-plain.ts';
import { applyMembersOp } from './members-state.ts';
import type { MembersState } from './members-state.ts';
import { parsePatchPath } from './parse-patch-path.ts';
import type { PatchOperation } from './parse-patch-request.ts';
import { coerce, getContainer, isObject, mutability, pruneEmpty } from './patch-context.ts';
import type { Doc, PatchContext } from './patch-context.ts';

/** Datadog's generated docs render a null path as "None". */
function isPathless(op: PatchOperation, ctx: PatchContext): boolean {
  const path = op.path?.trim();
  if (path === undefined || path === '') return true;
  return (
    path.toLowerCase() === 'none' &&
    op.op !== 'remove' &&
    isObject(op.value) &&
    !resolveAttribute(ctx.resource, { attr: path })
  );
}

/** Applies one normalised operation to the working copy `doc` (mutates it; the caller cloned). */
export function applyOperation(
  ctx: PatchContext,
  doc: Doc,
  op: PatchOperation,
  members: MembersState | undefined,
): void {
  const hasValue = 'value' in op;
  if (!isPathless(op, ctx)) {
    applyPath(ctx, doc, { path: op.path ?? '', pathless: false }, { op: op.op, value: op.value, hasValue }, members);
    return;
  }
  if (op.op === 'remove') throw badRequest('noTarget', 'A remove operation needs a path');
  if (!isObject(op.value)) throw badRequest('invalidValue', `A ${op.op} without a path needs an object value`);
  // Entra sends dotted and URN-qualified keys here: each key is a path.
  for (const [key, value] of Object.entries(op.value)) {
    if (key.toLowerCase() === 'schemas') continue;
    applyPath(ctx, doc, { path: key, pathless: true }, { op: op.op, value, hasValue: true }, members);
  }
}

function applyPath(
  ctx: PatchContext,
  doc: Doc,
  p: { path: string; pathless: boolean },
  input: OpInput,
  members: MembersState | undefined,
) {
  const target = parsePatchPath(p.path, ctx.resource);
  if (target.kind === 'extension') return applyExtension(ctx, doc, target.binding, input, members);
  const { def } = target.attr;
  if (def.name === 'id' && target.attr.common) {
    // Okta's group rename repeats the id: harmless when it is the resource's own.
    if (p.pathless && input.op !== 'remove' && ctx.id !== undefined && input.value === ctx.id) return;
    throw mutability("'id' is read-only");
  }
  if (def.mutability === 'readOnly') throw mutability(`'${def.name}' is read-only`);
  if (def.mutability === 'writeOnly') {
    if (input.op === 'remove' || target.filter || target.sub) throw mutability(`'${def.name}' can only be replaced`);
    ctx.password = coerce(ctx, def, input.value, def.name) as string;
    return;
  }
  if (members && def.name === 'members' && !target.attr.extension) return applyMembersOp(members, target, input);
  const t = { attr: target.attr, label: p.path, ...(target.sub ? { sub: target.sub } : {}) };
  if (target.filter) return applyFiltered(ctx, doc, { ...t, filter: target.filter }, input);
  return applyPlain(ctx, doc, t, input);
}

function applyExtension(
  ctx: PatchContext,
  doc: Doc,
  ext: ExtensionBinding,
  input: OpInput,
  members: MembersState | undefined,
) {
  if (input.op === 'remove' || input.value === null) {
    if (ext.required) throw mutability(`'${ext.schema.id}' is required and cannot be removed`);
    const parent = getContainer(doc, ext.storage.slice(0, -1), false);
    const key = ext.storage[ext.storage.length - 1];
    if (parent && key !== undefined) delete parent[key];
    pruneEmpty(doc, ext.storage.slice(0, -1));
    return;
  }
  if (!isObject(input.value)) throw badRequest('invalidValue', `'${ext.schema.id}' needs an object value`);
  for (const [key, value] of Object.entries(input.value)) {
    // Some clients send the extension object as it appears in a resource, `schemas` included: the path already names it.
    if (key.toLowerCase() === 'schemas') continue;
    applyPath(
      ctx,
      doc,
      { path: `${ext.schema.id}:${key}`, pathless: false },
      { op: input.op, value, hasValue: true },
      members,
    );
  }
}
