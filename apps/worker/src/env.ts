import { LogEnv, MongoEnv, parseEnv, RedisEnv, SmtpEnv, WebhookEnv, WorkerEnv } from '@provisio/config';
import { z } from 'zod';

const WorkerProcessEnv = MongoEnv.extend(RedisEnv.shape)
  .extend(SmtpEnv.shape)
  .extend(LogEnv.shape)
  .extend(WorkerEnv.shape)
  .extend(WebhookEnv.shape)
  .extend({
    /** The platform secret webhook signing secrets are sealed with; without it the worker delivers no webhooks. */
    PROVISIO_ADMIN_TOKEN: z.string().min(32, 'expected at least 32 characters').optional(),
  });

/** Parsed once at start; a bad value stops the start with one line naming the variable. */
export const loadWorkerEnv = (source: Record<string, string | undefined> = process.env) =>
  parseEnv(WorkerProcessEnv, source);
