import { LogEnv, MongoEnv, parseEnv, RedisEnv, SmtpEnv, WorkerEnv } from '@provisio/config';

const WorkerProcessEnv = MongoEnv.extend(RedisEnv.shape)
  .extend(SmtpEnv.shape)
  .extend(LogEnv.shape)
  .extend(WorkerEnv.shape);

/** Parsed once at start; a bad value stops the start with one line naming the variable. */
export const loadWorkerEnv = (source: Record<string, string | undefined> = process.env) =>
  parseEnv(WorkerProcessEnv, source);
