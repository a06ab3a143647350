import { Writable } from 'node:stream';
import { uuidV7 } from '@provisio/core';
import { createLogger } from '@provisio/logger';
import type { Clock, Principal } from '@provisio/core';
import request from 'supertest';
import { createServer } from '../../create-server.ts';
import { createTestDeps } from '../../testing/test-deps.ts';

export const SCIM_BASE = '/scim/v2';

/** Bearer tokens the test resolver knows. `platform` is the platform admin; `reader` lacks `scim`. */
export type TestToken = 'orgA' | 'orgB' | 'platform' | 'reader';

/**
 * A server on a fresh test database with two orgs (inserted directly until
 * `@provisio/db/testing` has `createTestOrg`) and a token resolver mapping test tokens.
 */
export async function createScimTestApp(
  options: { onLog?: (entry: Record<string, unknown>) => void; clock?: Clock } = {},
) {
  const orgA = uuidV7();
  const orgB = uuidV7();
  const principals: Record<string, Principal> = {
    orgA: { kind: 'org', orgId: orgA, scopes: ['scim'] },
    orgB: { kind: 'org', orgId: orgB, scopes: ['scim'] },
    reader: { kind: 'org', orgId: orgA, scopes: ['users:read'] },
    platform: { kind: 'platform' },
  };
  const onLog = options.onLog;
  const logger = onLog
    ? createLogger({
        name: 'test',
        level: 'error',
        destination: new Writable({
          write(chunk: Buffer, _encoding, done) {
            onLog(JSON.parse(chunk.toString()) as Record<string, unknown>);
            done();
          },
        }),
      })
    : undefined;
  const env = await createTestDeps({
    resolvePrincipal: (token) => principals[token] ?? null,
    ...(logger ? { logger } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await env.models.orgs.create([
    { _id: orgA, name: `Org A ${orgA}`, nameKey: `org a ${orgA}`, plan: 'enterprise' },
    { _id: orgB, name: `Org B ${orgB}`, nameKey: `org b ${orgB}`, plan: 'enterprise' },
  ]);
  const server = createServer(env.deps);
  const agent = request(server.app);

  /** A request under /scim/v2 with the given token (default org A). */
  const scim = (
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    path: string,
    token: TestToken | null = 'orgA',
  ) => {
    const req = agent[method](`${SCIM_BASE}${path}`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  return { ...env, app: server.app, server, orgA, orgB, scim };
}

export type ScimTestApp = Awaited<ReturnType<typeof createScimTestApp>>;
