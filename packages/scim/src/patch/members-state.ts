import { ScimError, badRequest } from '../errors/scim-error.ts';
import type { GroupMember, MembershipDelta } from '../domain/types.ts';
import { matchesElement } from '../filter/matches.ts';
import { idsFromFilter, toMembers } from './member-values.ts';
import type { OpInput } from './apply-plain.ts';
import type { PatchTarget } from './parse-patch-path.ts';

/** Membership changes accumulated in op order, so add-then-remove and remove-then-add both end right. */
export type MembersState = {
  add: Map<string, GroupMember>;
  remove: Set<string>;
  replaceAll: boolean;
  loaded: readonly GroupMember[] | undefined;
};

export function newMembersState(loaded: readonly GroupMember[] | undefined): MembersState {
  return { add: new Map(), remove: new Set(), replaceAll: false, loaded };
}

export function toDelta(state: MembersState): MembershipDelta {
  return { add: [...state.add.values()], remove: [...state.remove], replaceAll: state.replaceAll };
}

function removeIds(state: MembersState, ids: readonly string[]): void {
  for (const id of ids) {
    state.add.delete(id);
    if (!state.replaceAll) state.remove.add(id);
  }
}

function current(state: MembersState): GroupMember[] {
  const base = state.replaceAll
    ? []
    : (state.loaded ?? []).filter((m) => !state.remove.has(m.value) && !state.add.has(m.value));
  return [...base, ...state.add.values()];
}

type MemberTarget = Extract<PatchTarget, { kind: 'attribute' }>;

/** Applies one op on `members`; only `remove` of `members` with no value (or a `replace` with []) empties a group. */
export function applyMembersOp(state: MembersState, t: MemberTarget, input: OpInput): void {
  const label = t.text;
  if (t.sub)
    throw badRequest('invalidPath', `'${label}': member attributes can't be changed; remove and add the member`);
  if (t.filter) {
    if (input.op !== 'remove') throw badRequest('invalidPath', `'${label}': a member filter is only valid with remove`);
    const ids = idsFromFilter(t.filter) ?? idsByLoadedMembers(state, t);
    removeIds(state, ids);
    return;
  }
  if (input.op === 'remove') {
    if (input.hasValue && input.value !== null) {
      // Entra: {"op":"Remove","path":"members","value":[{"value":"u1"}]} removes only those.
      const named = toMembers(input.value, label);
      if (named.length === 0) throw badRequest('invalidValue', `'${label}': remove names no member`);
      removeIds(
        state,
        named.map((m) => m.value),
      );
      return;
    }
    // RFC 7644 §3.5.2.2: no filter and no value removes the attribute and all its values.
    state.replaceAll = true;
    state.add.clear();
    state.remove.clear();
    return;
  }
  if (!input.hasValue || input.value === null)
    throw badRequest('invalidValue', `'${label}': ${input.op} needs a value`);
  const members = toMembers(input.value, label);
  if (input.op === 'replace') {
    state.replaceAll = true;
    state.add.clear();
    state.remove.clear();
  }
  for (const m of members) {
    state.remove.delete(m.value);
    state.add.set(m.value, m);
  }
}

function idsByLoadedMembers(state: MembersState, t: MemberTarget): string[] {
  if (!state.replaceAll && !state.loaded) {
    throw new ScimError({
      status: 500,
      detail: `Member filter '${t.text}' needs the group's members: pass \`members\` (see patchNeedsMembers)`,
    });
  }
  return current(state)
    .filter((m) => t.filter && matchesElement(m, t.filter, t.attr.def))
    .map((m) => m.value);
}
