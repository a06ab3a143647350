import { z } from 'zod';

const urlWithProtocols = (protocols: string[], example: string) =>
  z.string({ error: `expected a URL like ${example}` }).refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `expected a URL like ${example}`);

export const MongoEnv = z.object({
  MONGODB_URI: urlWithProtocols(['mongodb:', 'mongodb+srv:'], 'mongodb://127.0.0.1:27017/provisio'),
  /** PostgreSQL behind a local FerretDB 1.24: turns on the db package's index companion. Unset = off. */
  FERRETDB_POSTGRES_URL: urlWithProtocols(
    ['postgres:', 'postgresql:'],
    'postgres://postgres@127.0.0.1:5432/ferretdb',
  ).optional(),
});

export const RedisEnv = z.object({
  REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
  /** BullMQ queue name; tests and parallel environments on one Redis use their own. */
  QUEUE_NAME: z
    .string()
    .regex(/^[\w-]{1,64}$/, 'expected letters, digits, - or _')
    .optional(),
});

export const SmtpEnv = z.object({
  SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().default('Provisio <no-reply@provisio.local>'),
});

export const LogEnv = z.object({
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole port number')
    .min(1, 'expected a port from 1 to 65535')
    .max(65535, 'expected a port from 1 to 65535')
    .default(fallback);

export const HttpEnv = z.object({
  PORT: port(3000),
  PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://provisio.example.com').optional(),
  /** The server's `/metrics`, on its own port so the public one never serves it. */
  METRICS_PORT: port(9465),
  /** Loopback unless the scraper runs elsewhere (`0.0.0.0` in a container). */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** SCIM requests one server process serves at once; beyond it a request waits for a slot (see REQUEST_MAX_WAIT_MS). */
  SCIM_MAX_IN_FLIGHT: z.coerce
    .number({ error: 'expected a whole number from 1 to 10000' })
    .int('expected a whole number from 1 to 10000')
    .min(1, 'expected a whole number from 1 to 10000')
    .max(10_000, 'expected a whole number from 1 to 10000')
    .default(32),
  /** Longest a SCIM or tRPC request may wait (unread behind a busy event loop, then for a slot) before it is shed with 429 + Retry-After. */
  REQUEST_MAX_WAIT_MS: z.coerce
    .number({ error: 'expected milliseconds from 50 to 60000' })
    .int('expected whole milliseconds from 50 to 60000')
    .min(50, 'expected milliseconds from 50 to 60000')
    .max(60_000, 'expected milliseconds from 50 to 60000')
    .default(1000),
  /**
   * On SIGTERM, how long `/readyz` answers 503 while the server still accepts, before it stops
   * listening: a load balancer that health-checks `/readyz` moves new requests away first, so none
   * lands in the closing listener's backlog (reset). 0 where a `preStop` sleep does this (Kubernetes).
   */
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce
    .number({ error: 'expected milliseconds from 0 to 60000' })
    .int('expected whole milliseconds from 0 to 60000')
    .min(0, 'expected milliseconds from 0 to 60000')
    .max(60_000, 'expected milliseconds from 0 to 60000')
    .default(0),
  PROVISIO_ADMIN_TOKEN: z
    .string({ error: 'expected the platform admin token (make up generates one)' })
    .min(32, 'expected at least 32 characters'),
});

export const WorkerEnv = z.object({
  WORKER_METRICS_PORT: port(9464),
  /** Loopback unless the scraper (or a kubelet probe of `/healthz`) runs elsewhere (`0.0.0.0` in a container). */
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Invite links point here; the same value the server uses. */
  PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://provisio.example.com').default('http://localhost:3000'),
  /**
   * Jobs one worker runs at once. Each invite send makes about ten database round trips on the
   * database the request path needs: while workers drain a backlog, SCIM requests slow down
   * (docs/operations.md, Overload); fewer per worker drains slower and leaves more to requests.
   */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** How often the worker looks for invites that never reached the queue or died mid-send. */
  INVITE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** A pending invite not enqueued for this long is re-enqueued. */
  INVITE_STUCK_AFTER_MS: z.coerce.number().int().min(100).default(60_000),
  /**
   * A send that has not finished after this long is presumed dead (worker killed) and retried.
   * At least 45 s: a sent mail's mark may have to wait out a version claim that a database
   * cut left behind (taken over after 30 s); a shorter timeout lets the sweep mail again first.
   */
  INVITE_CLAIM_TIMEOUT_MS: z.coerce.number().int().min(45_000).default(120_000),
  /** How often the worker settles user writes left open by a crash or a database outage (records the event they owe). */
  OPEN_INTENT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  /** How old an open write must be before it is settled: longer than any write still in flight (version claims are taken over after 30 s). */
  OPEN_INTENT_GRACE_MS: z.coerce.number().int().min(35_000).default(120_000),
});

export const WebhookEnv = z.object({
  /**
   * `true` lets webhook endpoints point at private, loopback and link-local addresses (tests,
   * receivers inside the same network). Off by default: the server calls public addresses only.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .default('false')
    .transform((v) => v === 'true'),
});
