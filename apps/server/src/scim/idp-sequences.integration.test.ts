import { afterAll, beforeAll, describe, it } from 'vitest';
import entraGroups from './fixtures/entra-groups-and-flag.fixtures.json' with { type: 'json' };
import entraUsers from './fixtures/entra-users.fixtures.json' with { type: 'json' };
import entraValidator from './fixtures/entra-validator.fixtures.json' with { type: 'json' };
import oktaSequences from './fixtures/okta-sequences.fixtures.json' with { type: 'json' };
import oktaSpec from './fixtures/okta-spec-test.fixtures.json' with { type: 'json' };
import { replayStep } from './testing/replay-fixture.ts';
import type { Fixture } from './testing/replay-fixture.ts';
import { createScimTestApp } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

const fixtures = [...oktaSequences, ...oktaSpec, ...entraUsers, ...entraGroups, ...entraValidator] as Fixture[];

/** Every recorded IdP sequence is replayed request by request on an org of its own. */
describe.each(fixtures)('$name ($source)', (fixture) => {
  let app: ScimTestApp;
  const vars: Record<string, unknown> = {};
  beforeAll(async () => {
    app = await createScimTestApp();
  });
  afterAll(() => app.cleanup());

  it.each(fixture.steps)('$name', async (step) => {
    await replayStep(app, step, vars);
  });
});
