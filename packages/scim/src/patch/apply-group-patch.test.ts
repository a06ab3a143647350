import { describe, expect, it } from 'vitest';
import type { GroupAttributes, GroupMember, MembershipDelta } from '../domain/types.ts';
import { expectedOutcome, outcomeOf } from '../testing/outcome.ts';
import { registries } from '../testing/registries.ts';
import type { ExpectedError } from '../testing/registries.ts';
import { applyGroupPatch } from './apply-group-patch.ts';
import fixtures from './patch-group.fixtures.json' with { type: 'json' };
import { patchNeedsMembers } from './patch-needs-members.ts';

type Fixture = {
  name: string;
  source: string;
  resource: GroupAttributes;
  ops: unknown[];
  loadedMembers?: GroupMember[];
  registry?: 'rfc' | 'custom';
  expected?: { attributes: GroupAttributes; members: MembershipDelta };
  error?: ExpectedError;
};

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('applyGroupPatch fixtures', () => {
  it.each((fixtures as Fixture[]).map((f) => [`${f.name} (${f.source})`, f] as const))('%s', (_, f) => {
    const before = structuredClone(f.resource);
    const run = () =>
      applyGroupPatch({
        group: f.resource,
        patch: { schemas: [PATCH_OP], Operations: f.ops },
        registry: registries[f.registry ?? 'rfc'],
        id: 'abf4dd94-a4c0-4f67-89c9-76b03340cb9b',
        ...(f.loadedMembers ? { members: f.loadedMembers } : {}),
      });
    expect(outcomeOf(run)).toEqual(expectedOutcome(f.error, f.expected));
    expect(f.resource).toEqual(before);
  });
});

describe('patchNeedsMembers', () => {
  const body = (path: string) => ({ schemas: [PATCH_OP], Operations: [{ op: 'remove', path }] });
  it('is false for value eq filters (Okta, Entra)', () => {
    expect(patchNeedsMembers({ patch: body('members[value eq "a" or value eq "b"]'), registry: registries.rfc })).toBe(
      false,
    );
  });
  it('is true for other member filters', () => {
    expect(patchNeedsMembers({ patch: body('members[display eq "Bob"]'), registry: registries.rfc })).toBe(true);
  });
  it('is false for an invalid body (applyGroupPatch reports it)', () => {
    expect(patchNeedsMembers({ patch: { nope: 1 }, registry: registries.rfc })).toBe(false);
  });
});
