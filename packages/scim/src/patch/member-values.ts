import { badRequest } from '../errors/scim-error.ts';
import type { GroupMember } from '../domain/types.ts';
import type { FilterNode } from '../filter/ast.ts';
import { isObject } from './patch-context.ts';

const MEMBER_KEYS: ReadonlySet<string> = new Set(['value', 'display', 'displayname', 'type', '$ref']);

/**
 * One member reference from the wire. `$ref` is ignored (rendered, never stored);
 * `displayName` is read as `display` because Datadog's own PATCH example sends it.
 */
export function toMember(raw: unknown, label: string): GroupMember {
  if (!isObject(raw)) throw badRequest('invalidValue', `${label}: a member must be an object like {"value": "<id>"}`);
  const get = (k: string) => Object.entries(raw).find(([key]) => key.toLowerCase() === k)?.[1];
  const unknown = Object.keys(raw).find((k) => !MEMBER_KEYS.has(k.toLowerCase()));
  if (unknown !== undefined) throw badRequest('invalidSyntax', `${label}: unknown member attribute '${unknown}'`);
  const value = get('value');
  if (typeof value !== 'string' || value === '')
    throw badRequest('invalidValue', `${label}: a member needs a non-empty string "value"`);
  const member: GroupMember = { value };
  const display = get('display') ?? get('displayname');
  if (display !== undefined && display !== null) {
    if (typeof display !== 'string') throw badRequest('invalidValue', `${label}: member display must be a string`);
    member.display = display;
  }
  const type = get('type');
  if (type !== undefined && type !== null) {
    const t = typeof type === 'string' ? type.toLowerCase() : '';
    if (t !== 'user' && t !== 'group') throw badRequest('invalidValue', `${label}: member type must be User or Group`);
    member.type = t === 'user' ? 'User' : 'Group';
  }
  const ref = get('$ref');
  if (ref !== undefined && ref !== null && typeof ref !== 'string')
    throw badRequest('invalidValue', `${label}: $ref must be a string`);
  return member;
}

export function toMembers(raw: unknown, label: string): GroupMember[] {
  const items = Array.isArray(raw) ? raw : [raw];
  return items.map((item, i) => toMember(item, `${label}[${i}]`));
}

/**
 * Member ids named by `value eq "x"` (optionally or-ed): resolvable without loading members.
 * Any other filter gives undefined.
 */
export function idsFromFilter(filter: FilterNode): string[] | undefined {
  if (filter.kind === 'compare') {
    const ok =
      filter.op === 'eq' &&
      filter.path.attr === 'value' &&
      filter.path.sub === undefined &&
      typeof filter.value === 'string';
    return ok ? [filter.value as string] : undefined;
  }
  if (filter.kind === 'or') {
    const left = idsFromFilter(filter.left);
    const right = idsFromFilter(filter.right);
    return left && right ? [...left, ...right] : undefined;
  }
  return undefined;
}
