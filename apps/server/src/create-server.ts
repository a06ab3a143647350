import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@provisio/core';
import { createUserEventFeed } from '@provisio/core/events';
import type { Db } from '@provisio/db';
import type { Logger } from '@provisio/logger';
import type { Queue } from 'bullmq';
import express from 'express';
import type { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';
import { guardResolvers } from './auth/guard-resolvers.ts';
import { createRateLimiter } from './auth/rate-limiter.ts';
import type { RateLimitOptions } from './auth/rate-limiter.ts';
import { scimAudit } from './auth/scim-audit.ts';
import { createRedisStreamLeases } from './events/redis-stream-leases.ts';
import { healthRouter } from './http/health.ts';
import { createHttpMetrics } from './http/metrics.ts';
import { requestIdFor } from './http/request-id.ts';
import { trpcEndpoint } from './http/trpc-endpoint.ts';
import { inviteRouter } from './invites/invite-router.ts';
import { scimRouter } from './scim/scim-router.ts';
import type { PrincipalResolver } from './http/trpc-endpoint.ts';
import { webApp } from './web/web-app.ts';

export type ServerDeps = {
  db: Db;
  redis: Redis;
  queue: Queue;
  logger: Logger;
  clock: Clock;
  publicUrl: string;
  resolvePrincipal: PrincipalResolver;
  /** Per-key limits (default 50/s, bursts of 100). */
  rateLimit?: RateLimitOptions;
  /** The admin web app: where its build is (default apps/web/dist), sign-in limits. */
  web?: { distDir?: string; signInLimits?: { perAccount: number; perAddress: number } };
};

/** Builds the app; `start` listens, `stop` drains in-flight requests then closes the listener. */
export function createServer(deps: ServerDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = createHttpMetrics();

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: requestIdFor,
      quietReqLogger: true,
      autoLogging: { ignore: (req) => req.url === '/metrics' },
      // Ids and routes only: query strings carry filters with user names, headers carry tokens.
      serializers: {
        req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
          userAgent: req.headers['user-agent'],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(metrics.middleware);
  app.use(
    healthRouter([
      { name: 'mongodb', check: () => deps.db.ping() },
      { name: 'redis', check: () => deps.redis.ping() },
    ]),
  );
  app.get('/metrics', metrics.handler);
  // Both surfaces: authenticate, rate-limit per key; SCIM also checks plan and setting, and audits every request.
  const admit = createRateLimiter({ redis: deps.redis, logger: deps.logger, ...(deps.rateLimit ? { options: deps.rateLimit } : {}) });
  const guarded = guardResolvers({ resolvePrincipal: deps.resolvePrincipal, admit, orgs: deps.db.orgs });
  const web = webApp({ ...deps, ...deps.web });
  // Event streams: one poller per org in this process; caps counted in Redis across replicas.
  const streams = { feed: createUserEventFeed({ events: deps.db.userEvents, clock: deps.clock }), leases: createRedisStreamLeases(deps) };
  app.use(web.sessions);
  app.use('/trpc', trpcEndpoint({ ...deps, streams, resolvePrincipal: guarded.trpc, resolveSession: web.resolveSession }));
  app.use(inviteRouter({ invites: deps.db.invites, users: deps.db.inviteUsers, orgs: deps.db.inviteOrgs, clock: deps.clock }));
  app.use('/scim/v2', scimAudit({ audit: deps.db.audit, keys: deps.db.keys, clock: deps.clock, logger: deps.logger }), scimRouter({ ...deps, resolvePrincipal: guarded.scim }));
  // Last: the built admin app at `/`, and index.html for its routes.
  app.use(web.static);

  let server: Server | undefined;
  return {
    app,
    metrics,
    async start(port: number, host = '127.0.0.1'): Promise<number> {
      server = createHttpServer(app);
      server.keepAliveTimeout = 65_000;
      await new Promise<void>((resolve, reject) => server?.once('error', reject).listen(port, host, resolve));
      return (server.address() as AddressInfo).port;
    },
    async stop(graceMs = 10_000): Promise<void> {
      const current = server;
      if (!current) return;
      const closed = new Promise<void>((resolve) => current.close(() => resolve()));
      // Event streams are never idle: end them with a retryable error, so their clients resume elsewhere.
      streams.feed.disconnectAll();
      // Keep-alive sockets turn idle once their response is sent: close each as it does.
      const sweep = setInterval(() => current.closeIdleConnections(), 50);
      const timer = setTimeout(() => current.closeAllConnections(), graceMs).unref();
      await closed;
      clearInterval(sweep);
      clearTimeout(timer);
      await streams.leases.releaseAll();
    },
  };
}
