import { describe, expect, it } from 'vitest';
import { expectedOutcome, outcomeOf } from '../testing/outcome.ts';
import { registries } from '../testing/registries.ts';
import type { ExpectedError } from '../testing/registries.ts';
import { fromScimGroup } from './from-scim-group.ts';
import { fromScimUser } from './from-scim-user.ts';
import groupFixtures from './map-group.fixtures.json' with { type: 'json' };
import userFixtures from './map-user.fixtures.json' with { type: 'json' };

type Fixture = {
  name: string;
  source: string;
  wire: unknown;
  registry?: 'rfc' | 'custom';
  expected?: unknown;
  error?: ExpectedError;
};

function check(f: Fixture, run: () => unknown) {
  expect(outcomeOf(run)).toEqual(expectedOutcome(f.error, f.expected));
}

const label = (f: Fixture) => [`${f.name} (${f.source})`, f] as const;

describe('fromScimUser fixtures', () => {
  it.each((userFixtures as Fixture[]).map(label))('%s', (_, f) =>
    check(f, () => fromScimUser(f.wire, registries[f.registry ?? 'rfc'])),
  );
});

describe('fromScimGroup fixtures', () => {
  it.each((groupFixtures as Fixture[]).map(label))('%s', (_, f) =>
    check(f, () => fromScimGroup(f.wire, registries[f.registry ?? 'rfc'])),
  );
});
