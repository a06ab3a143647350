import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TrustProxy } from '@provisio/config';
import type { Clock } from '@provisio/core';
import { createUserEventFeed } from '@provisio/core/events';
import { createTrafficRecorder } from '@provisio/core/scim-doctor';
import type { Db } from '@provisio/db';
import { createWebhookWaker } from '@provisio/jobs';
import type { Logger } from '@provisio/logger';
import type { SpSigning } from '@provisio/saml';
import type { Queue } from 'bullmq';
import express from 'express';
import type { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';
import { createBadCredentialLimiter } from './auth/bad-credential-limiter.ts';
import type { BadCredentialLimit } from './auth/bad-credential-limiter.ts';
import { guardResolvers } from './auth/guard-resolvers.ts';
import { createRateLimiter } from './auth/rate-limiter.ts';
import type { RateLimitOptions } from './auth/rate-limiter.ts';
import { createAuditBatch } from './auth/audit-batch.ts';
import { scimAudit } from './auth/scim-audit.ts';
import { createRedisStreamLeases } from './events/redis-stream-leases.ts';
import { admissionMiddleware, createAdmission, createAdmissionMetrics } from './http/admission.ts';
import { healthRouter } from './http/health.ts';
import { loggablePath } from './http/loggable-path.ts';
import { startLoopLagProbe } from './http/loop-lag.ts';
import { createHttpMetrics } from './http/metrics.ts';
import { requestIdFor } from './http/request-id.ts';
import { countDbRoundTrips, countRedisCommands } from './http/round-trips.ts';
import { trpcEndpoint } from './http/trpc-endpoint.ts';
import { inviteRouter } from './invites/invite-router.ts';
import { scimErrorBody } from './scim/http/scim-error-handler.ts';
import { sendScim } from './scim/http/scim-response.ts';
import { scimRouter } from './scim/scim-router.ts';
import { recordScimTraffic } from './scim/doctor/record-traffic.ts';
import { ssoRouter } from './sso/sso-router.ts';
import type { PrincipalResolver } from './http/trpc-endpoint.ts';
import { webApp } from './web/web-app.ts';
import type { SignInLimits } from './web/sign-in-limiter.ts';

export type ServerDeps = {
  db: Db;
  redis: Redis;
  queue: Queue;
  logger: Logger;
  clock: Clock;
  publicUrl: string;
  resolvePrincipal: PrincipalResolver;
  /** Signs list cursors (`deriveListCursorKey(PROVISIO_ADMIN_TOKEN)`): every replica must hold the same. */
  listCursorKey: string;
  /** SHA-256 of `PROVISIO_ADMIN_TOKEN` (`hashPlatformToken`): the platform admin's web sessions are bound to it; without it there are none. */
  platformTokenHash?: string;
  /** Express `trust proxy` (`TRUST_PROXY`): whose X-Forwarded-For names the client address. Default `loopback`. */
  trustProxy?: TrustProxy;
  /** Per-key and per-session limits (default 50/s, bursts of 100); an org's raised `keyRateLimit` replaces it for its keys. */
  rateLimit?: RateLimitOptions;
  /** Whether resolving a token reads no database (the credential cache's `holdsKeyOf`): its address check then shares the rate limiter's round trip. */
  resolvesWithoutRead?: (token: string) => boolean;
  /** Refused credentials per client address (default 60 a minute). */
  badCredentialLimit?: BadCredentialLimit;
  /** SCIM requests a process serves at once (`SCIM_MAX_IN_FLIGHT`, default 32, which index.ts passes); the next waits for a slot. Unset: no limit. */
  scimMaxInFlight?: number;
  /** `WEBHOOK_ALLOW_PRIVATE_TARGETS`: webhook endpoints may point at private and loopback addresses. */
  allowPrivateWebhookTargets?: boolean;
  /** `SSO_RETURN_URLS`: where an SSO sign-in may hand a code to the product behind Provisio (none when unset). */
  ssoReturnUrls?: readonly string[];
  /** `SSO_SP_KEY_FILE`/`SSO_SP_CERT_FILE`: the key pair that signs AuthnRequests (unsigned without). */
  spSigning?: SpSigning;
  /** Longest a SCIM or tRPC request may wait (for an event loop busy with our own work, then for a slot) before it is shed with 429 (`REQUEST_MAX_WAIT_MS`, default 1000, which index.ts passes). Unset: no limit. */
  requestMaxWaitMs?: number;
  /** `SHUTDOWN_DRAIN_DELAY_MS`: on stop, how long `/readyz` answers 503 before the listener closes (default 0). */
  shutdownDrainDelayMs?: number;
  /** The admin web app: where its build is (default apps/web/dist), sign-in limits. */
  web?: { distDir?: string; signInLimits?: SignInLimits };
  /** This process's name on its shares of the SCIM doctor's buckets (default: a random UUID per server). */
  trafficWriter?: string;
  /** How often the SCIM doctor's counts are written (default 5 s). */
  trafficFlushMs?: number;
};

/** Builds the app; `start` listens, `stop` drains in-flight requests then closes the listener. */
export function createServer(deps: ServerDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? ['loopback']);
  const metrics = createHttpMetrics();
  // Overload is shed before anything costs a round trip (a shed request is therefore not audited).
  const lag = startLoopLagProbe();
  const admissionMetrics = createAdmissionMetrics(metrics.registry);
  const maxWaitMs = deps.requestMaxWaitMs ?? Number.POSITIVE_INFINITY;
  const scimAdmission = createAdmission({
    surface: 'scim',
    maxInFlight: deps.scimMaxInFlight ?? Number.POSITIVE_INFINITY,
    maxWaitMs,
    lag,
    metrics: admissionMetrics,
  });
  // The admin app's requests are few: only the waiting bound applies to them.
  const trpcAdmission = createAdmission({
    surface: 'trpc',
    maxInFlight: Number.POSITIVE_INFINITY,
    maxWaitMs,
    lag,
    metrics: admissionMetrics,
  });
  countDbRoundTrips(deps.db);
  countRedisCommands(deps.redis);

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: requestIdFor,
      quietReqLogger: true,
      // Ids and routes only: query strings carry filters with user names, headers carry tokens, invite paths their token.
      serializers: {
        req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
          id: req.id,
          method: req.method,
          path: loggablePath(req.url),
          userAgent: req.headers['user-agent'],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(metrics.middleware);
  let draining = false;
  app.use(
    healthRouter(
      [
        { name: 'mongodb', check: () => deps.db.ping() },
        { name: 'redis', check: () => deps.redis.ping() },
      ],
      () => draining,
    ),
  );
  // Both surfaces: refused credentials limited per address, then authenticate, rate-limit per key or
  // session, apply the SCIM plan and setting; SCIM also audits every request.
  const admit = createRateLimiter({
    redis: deps.redis,
    logger: deps.logger,
    ...(deps.rateLimit ? { options: deps.rateLimit } : {}),
  });
  const badCredentials = createBadCredentialLimiter({
    redis: deps.redis,
    logger: deps.logger,
    ...(deps.badCredentialLimit ? { limit: deps.badCredentialLimit } : {}),
  });
  const guarded = guardResolvers({
    resolvePrincipal: deps.resolvePrincipal,
    admit,
    badCredentials,
    orgs: deps.db.orgs,
    ...(deps.resolvesWithoutRead ? { resolvesWithoutRead: deps.resolvesWithoutRead } : {}),
  });
  const web = webApp({ ...deps, ...deps.web });
  // Event streams: one poller per org in this process; caps counted in Redis across replicas.
  const streams = {
    feed: createUserEventFeed({ events: deps.db.userEvents, clock: deps.clock }),
    leases: createRedisStreamLeases(deps),
  };
  app.use(web.sessions);
  app.use(ssoRouter({ ...deps, returnUrls: deps.ssoReturnUrls ?? [], secure: deps.publicUrl.startsWith('https:') }));
  app.use(
    '/trpc',
    trpcEndpoint({
      ...deps,
      streams,
      admission: trpcAdmission,
      resolvePrincipal: guarded.trpc,
      resolveSession: guarded.session(web.resolveSession),
    }),
  );
  app.use(
    inviteRouter({ invites: deps.db.invites, users: deps.db.inviteUsers, orgs: deps.db.inviteOrgs, clock: deps.clock }),
  );
  const ledger = createAuditBatch({ audit: deps.db.audit, logger: deps.logger });
  // Webhook deliveries start from events: each stored event wakes its org's endpoints (lost wakes: the worker's sweep).
  const wake = createWebhookWaker(deps.queue, (err, orgId) =>
    deps.logger.warn({ err, orgId }, 'webhook wake not queued (the sweep will deliver)'),
  );
  const stopWaking = deps.db.onEventStored((event) => wake(event.orgId));
  // The SCIM doctor's counts: gathered in memory, added to this process's hourly shares every few seconds.
  const traffic = createTrafficRecorder({
    store: deps.db.scimTraffic,
    writer: deps.trafficWriter ?? randomUUID(),
    ...(deps.trafficFlushMs ? { flushMs: deps.trafficFlushMs } : {}),
    onError: (err) => deps.logger.warn({ err }, 'scim doctor counts not written'),
  });
  app.use(
    '/scim/v2',
    admissionMiddleware(scimAdmission, (res) =>
      sendScim(
        res,
        429,
        scimErrorBody({ status: 429, detail: 'The server is busy: retry shortly', internal: false }, ''),
      ),
    ),
    scimAudit({ ledger, keys: deps.db.keys, clock: deps.clock, logger: deps.logger }),
    recordScimTraffic(traffic, deps.clock),
    scimRouter({ ...deps, resolvePrincipal: guarded.scim }),
  );
  // Last: the built admin app at `/`, and index.html for its routes.
  app.use(web.static);

  let server: Server | undefined;
  return {
    app,
    metrics,
    /** The SCIM doctor's recorder (`flush` writes its counts now). */
    traffic,
    async start(port: number, host = '127.0.0.1'): Promise<number> {
      server = createHttpServer(app);
      server.keepAliveTimeout = 65_000;
      await new Promise<void>((resolve, reject) => server?.once('error', reject).listen(port, host, resolve));
      return (server.address() as AddressInfo).port;
    },
    async stop(graceMs = 10_000): Promise<void> {
      const current = server;
      if (!current) return;
      // Not ready, still listening: a balancer that health-checks /readyz stops sending first.
      draining = true;
      const delayMs = deps.shutdownDrainDelayMs ?? 0;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const closed = new Promise<void>((resolve) => current.close(() => resolve()));
      // Event streams are never idle: end them with a retryable error, so their clients resume elsewhere.
      streams.feed.disconnectAll();
      // Keep-alive sockets turn idle once their response is sent: close each as it does.
      const sweep = setInterval(() => current.closeIdleConnections(), 50);
      const timer = setTimeout(() => current.closeAllConnections(), graceMs).unref();
      await closed;
      clearInterval(sweep);
      clearTimeout(timer);
      lag.stop();
      scimAdmission.stop();
      trpcAdmission.stop();
      await streams.leases.releaseAll();
      stopWaking();
      await ledger.flush();
      await traffic.stop();
    },
  };
}
