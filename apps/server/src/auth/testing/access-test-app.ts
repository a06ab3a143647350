import { Writable } from 'node:stream';
import { systemClock } from '@provisio/core';
import type { AuditEvent } from '@provisio/core/audit';
import { parseKeyToken } from '@provisio/core/keys';
import { createLogger } from '@provisio/logger';
import request from 'supertest';
import { expect, vi } from 'vitest';
import { createServer } from '../../create-server.ts';
import { hashPlatformToken } from '@provisio/core';
import type { PrincipalResolver } from '../../http/trpc-endpoint.ts';
import { createTestDeps } from '../../testing/test-deps.ts';
import { createCredentialCache } from '../credential-cache.ts';
import { createKeyResolver } from '../key-resolver.ts';
import type { RateLimitOptions } from '../rate-limiter.ts';

export const ADMIN_TOKEN = 'test-platform-admin-token-0123456789abcdef';

/**
 * A server on its own test database with the production key resolver (real keys,
 * hashed, revocable), the credential cache and the real rate limiter on the test Redis. `logLines` captures
 * every log line when `captureLogs` is set.
 */
export async function createAccessTestApp(
  options: {
    captureLogs?: boolean;
    rateLimit?: RateLimitOptions;
    /** How long a cached key and org are served; tests that count round trips outlast a slow machine with a longer one. */
    credentialTtlMs?: number;
  } = {},
) {
  const logLines: string[] = [];
  const logger = options.captureLogs
    ? createLogger({
        name: 'test',
        level: 'trace',
        destination: new Writable({
          write(chunk: Buffer, _encoding, done) {
            logLines.push(chunk.toString());
            done();
          },
        }),
      })
    : createLogger({ name: 'test', level: 'silent' });
  let resolve: PrincipalResolver = () => null;
  const env = await createTestDeps({ logger, resolvePrincipal: (token) => resolve(token) });
  // As in production: key and org reads cached, dropped on every revocation.
  const credentials = createCredentialCache({
    redis: env.deps.redis,
    logger,
    ...(options.credentialTtlMs ? { ttlMs: options.credentialTtlMs } : {}),
  });
  const db = credentials.wrap(env.deps.db);
  resolve = createKeyResolver({ keys: db.keys, clock: systemClock, logger, adminToken: ADMIN_TOKEN });
  const server = createServer({
    ...env.deps,
    db,
    resolvesWithoutRead: (token) => credentials.holdsKeyOf(token),
    platformTokenHash: hashPlatformToken(ADMIN_TOKEN),
    // Test webhook receivers listen on loopback.
    allowPrivateWebhookTargets: true,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  });
  const agent = request(server.app);

  /** A tRPC call over HTTP (non-batched): returns status, body and headers. */
  const trpc = async (token: string | null, path: string, input?: unknown, type: 'query' | 'mutation' = 'mutation') => {
    const req =
      type === 'mutation'
        ? agent.post(`/trpc/${path}`).send(input === undefined ? {} : (input as object))
        : agent.get(`/trpc/${path}`).query(input === undefined ? {} : { input: JSON.stringify(input) });
    const res = await (token ? req.set('Authorization', `Bearer ${token}`) : req);
    const body = res.body as {
      result?: { data: unknown };
      error?: { message: string; data: { code: string; httpStatus: number } };
    };
    return { status: res.status, data: body.result?.data as never, error: body.error, headers: res.headers };
  };

  /** A request under /scim/v2 with `token`. */
  const scim = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, token: string | null) => {
    const req = agent[method](`/scim/v2${path}`).set('User-Agent', 'Okta SCIM Client 1.0.0');
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  /** A new org over /trpc as the platform admin: its SCIM key and a bootstrap admin key. */
  /**
   * A platform mutation, sent again while it is refused for the rate limit (a refused call ran
   * nothing): the platform's budget is one key in the test Redis, which every test file spends,
   * and an app built with a low `rateLimit` would otherwise fail on whoever spent it this second.
   */
  const asPlatform = async (path: string, input: unknown) => {
    let answer = await trpc(ADMIN_TOKEN, path, input);
    await vi.waitFor(
      async () => {
        if (answer.status === 429) answer = await trpc(ADMIN_TOKEN, path, input);
        expect(answer.status).not.toBe(429);
      },
      { timeout: 15_000, interval: 100 },
    );
    return answer;
  };

  const newOrg = async (
    plan: 'free' | 'pro' | 'enterprise' = 'enterprise',
    name = `Org ${Math.random().toString(36).slice(2)}`,
  ) => {
    const created = await asPlatform('platform.createOrg', { name, plan });
    if (created.status !== 200) throw new Error(`createOrg failed: ${JSON.stringify(created.error)}`);
    const org = created.data as {
      org: { id: string };
      serviceAccount: { id: string };
      scim: { token: string; baseUrl: string; key: { id: string } };
    };
    const admin = await asPlatform('platform.createAdminKey', { orgId: org.org.id });
    return {
      orgId: org.org.id,
      scimToken: org.scim.token,
      scimKeyId: org.scim.key.id,
      serviceAccountId: org.serviceAccount.id,
      adminToken: (admin.data as { token: string }).token,
    };
  };

  /**
   * SCIM audit events are written in batches once the response is sent: waits until the org's
   * ledger (`audit.list` with `filter`, read with `token`) holds what `until` asks for.
   */
  const ledger = (
    token: string,
    filter: Record<string, unknown>,
    until: (items: AuditEvent[]) => boolean = (items) => items.length > 0,
  ): Promise<AuditEvent[]> =>
    vi.waitFor(
      async () => {
        const items = ((await trpc(token, 'audit.list', filter, 'query')).data as { items: AuditEvent[] }).items;
        expect(
          until(items),
          `audit events for ${JSON.stringify(filter)}: ${JSON.stringify(items.map((e) => e.action))}`,
        ).toBe(true);
        return items;
      },
      { timeout: 10_000, interval: 50 },
    );

  return { ...env, server, agent, trpc, scim, newOrg, ledger, logLines };
}

export type AccessTestApp = Awaited<ReturnType<typeof createAccessTestApp>>;

/** A SCIM user body (Okta shape) with an email, optionally with SCIM roles. */
export const scimUser = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Test', familyName: 'User' },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
  ...extra,
});

export const deactivateOp = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', value: { active: false } }],
};

/** The secret part of a `pvk_<id>_<secret>` token (the secret itself may contain `_`). */
export function keySecretOf(token: string): string {
  const parsed = parseKeyToken(token);
  if (!parsed) throw new Error('not an application key token');
  return parsed.secret;
}
