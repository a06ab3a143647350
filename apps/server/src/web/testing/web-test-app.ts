import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, hashPlatformToken, systemClock, uuidV7 } from '@provisio/core';
import type { Clock, ScryptParams, UserRole, UserStatus } from '@provisio/core';
import { createTestOrg } from '@provisio/db/testing';
import request from 'supertest';
import { createServer } from '../../create-server.ts';
import type { ServerDeps } from '../../create-server.ts';
import type { SignInLimits } from '../sign-in-limiter.ts';
import { createTestDeps } from '../../testing/test-deps.ts';

export const PLATFORM_TOKEN = 'web-test-platform-token-0123456789';
export const ORIGIN = 'http://provisio.test';

/** A clock the test moves forward. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(systemClock.now().getTime() + offset), advance: (ms) => void (offset += ms) };
}

/**
 * The server with its web app over a stub build (an index.html of its own), the platform
 * token, and helpers to make users with passwords and sign them in over HTTP.
 */
export async function createWebTestApp(options: { signInLimits?: SignInLimits } = {}) {
  const clock = movableClock();
  const env = await createTestDeps({
    clock,
    resolvePrincipal: (token) => (token === PLATFORM_TOKEN ? { kind: 'platform' } : null),
  });
  const distDir = mkdtempSync(join(tmpdir(), 'provisio-web-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Provisio admin</title><div id="root"></div>');
  const web = {
    distDir,
    signInLimits: options.signInLimits ?? { perAddress: 1_000, failuresBeforeBackoff: 1_000, backoffBaseSeconds: 1 },
  };
  /** The server over this test's database and Redis; another call is the same deployment restarted with other settings. */
  const serverWith = (overrides: Partial<ServerDeps> = {}) =>
    createServer({ ...env.deps, platformTokenHash: hashPlatformToken(PLATFORM_TOKEN), web, ...overrides });
  const server = serverWith();
  const agent = request(server.app);
  const db = env.deps.db;

  /** A user of `orgId` with a password (active admins may sign in); `hashParams` makes an older kind of hash. */
  type NewUserOptions = { password?: string; role?: UserRole; status?: UserStatus; hashParams?: ScryptParams };
  const newUser = async (
    orgId: string,
    email: string,
    { password = 'a long enough password', role = 'admin', status = 'active', hashParams }: NewUserOptions = {},
  ) => {
    const now = clock.now();
    const attributes = {
      userName: email,
      active: status !== 'deactivated',
      emails: [{ value: email, primary: true, type: 'work' }],
      displayName: email.split('@')[0],
    };
    return db.users.insert(orgId, {
      id: uuidV7(),
      attributes,
      status,
      source: 'admin',
      role,
      passwordHash: await hashPassword(password, hashParams),
      ...(status === 'active' ? { acceptedAt: now } : {}),
      now,
    });
  };

  /** Signs in over HTTP; returns the cookie header value and the CSRF token. */
  const signIn = async (body: Record<string, unknown>) => {
    const res = await agent.post('/auth/sign-in').set('Origin', ORIGIN).send(body);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = setCookie[0]?.split(';')[0] ?? '';
    return { res, cookie, csrf: (res.body as { csrfToken?: string }).csrfToken ?? '', setCookie: setCookie[0] ?? '' };
  };

  return {
    ...env,
    clock,
    db,
    server,
    serverWith,
    agent,
    newUser,
    signIn,
    newOrg: (name?: string) => createTestOrg(db, name ? { name } : {}),
  };
}
