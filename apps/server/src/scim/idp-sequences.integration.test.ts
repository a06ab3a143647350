import { afterAll, beforeAll, describe, it } from 'vitest';
import { idpFixtures, replayStep } from './testing/idp-fixtures.ts';
import { createScimTestApp } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

/** Every recorded IdP sequence is replayed request by request on an org of its own. */
describe.each(idpFixtures)('$name ($source)', (fixture) => {
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
