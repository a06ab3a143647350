export { createLogger, REDACT_PATHS } from './create-logger.ts';
export type { CreateLoggerOptions, Logger } from './create-logger.ts';
