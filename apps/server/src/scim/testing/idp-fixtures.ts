import entraGroups from '../fixtures/entra-groups-and-flag.fixtures.json' with { type: 'json' };
import entraUsers from '../fixtures/entra-users.fixtures.json' with { type: 'json' };
import entraValidator from '../fixtures/entra-validator.fixtures.json' with { type: 'json' };
import oktaSequences from '../fixtures/okta-sequences.fixtures.json' with { type: 'json' };
import oktaSpec from '../fixtures/okta-spec-test.fixtures.json' with { type: 'json' };
import type { Fixture } from './replay-fixture.ts';

/** Every recorded Okta and Entra sequence: replayed in-process by the server's tests and on the built apps by e2e. */
export const idpFixtures = [
  ...oktaSequences,
  ...oktaSpec,
  ...entraUsers,
  ...entraGroups,
  ...entraValidator,
] as Fixture[];

export { replayStep } from './replay-fixture.ts';
export type { Fixture, FixtureStep, ScimRequester } from './replay-fixture.ts';
