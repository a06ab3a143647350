export { EnvError, parseEnv } from './parse-env.ts';
export { HttpEnv, LogEnv, MongoEnv, RedisEnv, SmtpEnv, WorkerEnv } from './schemas.ts';
