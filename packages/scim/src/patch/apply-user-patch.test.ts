import { describe, expect, it } from 'vitest';
import type { UserAttributes } from '../domain/types.ts';
import { expectedOutcome, outcomeOf } from '../testing/outcome.ts';
import { registries } from '../testing/registries.ts';
import type { ExpectedError } from '../testing/registries.ts';
import { applyUserPatch } from './apply-user-patch.ts';
import fixtures from './patch-user.fixtures.json' with { type: 'json' };

type Fixture = {
  name: string;
  source: string;
  resource: UserAttributes;
  ops: unknown[];
  body?: unknown;
  registry?: 'rfc' | 'custom';
  expected?: UserAttributes;
  password?: string;
  error?: ExpectedError;
};

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('applyUserPatch fixtures', () => {
  it.each((fixtures as Fixture[]).map((f) => [`${f.name} (${f.source})`, f] as const))('%s', (_, f) => {
    const before = structuredClone(f.resource);
    const run = () =>
      applyUserPatch({
        user: f.resource,
        patch: f.body ?? { schemas: [PATCH_OP], Operations: f.ops },
        registry: registries[f.registry ?? 'rfc'],
        id: '2819c223-7f76-453a-919d-413861904646',
      });
    const attributesAndPassword = () => {
      const { attributes, password } = run();
      return { attributes, password };
    };
    expect(outcomeOf(attributesAndPassword)).toEqual(
      expectedOutcome(f.error, { attributes: f.expected, password: f.password }),
    );
    expect(f.resource).toEqual(before); // the input is never mutated
  });
});
