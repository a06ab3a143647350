import { randomUUID } from 'node:crypto';
import { createProvisioClient } from '@provisio/client';
import { idpFixtures, replayStep } from '@provisio/server/scim-replay';
import type { ScimRequester } from '@provisio/server/scim-replay';
import request from 'supertest';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startStack } from '../harness.ts';

// The recorded Okta and Entra sequences, replayed on what ships: the built server and worker
// (`pnpm start`), with real hashed keys made by the platform API instead of the test resolver.
// `startStack` gives the public URL the in-process tests use, which the fixtures expect in `meta.location`.
let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(() => stack?.stop());

/** Two fresh orgs on the built server, each with the SCIM key the platform API returns once. */
async function builtRequester(): Promise<ScimRequester> {
  const platform = createProvisioClient({ url: `${stack.app}/trpc`, token: stack.platformToken });
  const [a, b] = await Promise.all(
    ['A', 'B'].map((side) =>
      platform.platform.createOrg.mutate({ name: `Org ${side} ${randomUUID()}`, plan: 'enterprise' }),
    ),
  );
  const tokens: Record<string, string | undefined> = {
    orgA: a?.scim.token,
    orgB: b?.scim.token,
    platform: stack.platformToken,
  };
  return {
    scim(method, path, token = 'orgA') {
      const req = request(stack.app)[method](`/scim/v2${path}`);
      if (token === null) return req;
      const secret = tokens[token];
      if (!secret) throw new Error(`the built replay has no "${token}" token`);
      return req.set('Authorization', `Bearer ${secret}`);
    },
  };
}

describe.each(idpFixtures)('built apps: $name ($source)', (fixture) => {
  let app: ScimRequester;
  const vars: Record<string, unknown> = {};
  beforeAll(async () => {
    app = await builtRequester();
  });

  it.each(fixture.steps)('$name', async (step) => {
    await replayStep(app, step, vars);
  });
});
