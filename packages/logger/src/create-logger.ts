import pino from 'pino';
import type { Logger, LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks in every line. Logs carry ids, never bodies, but a slip must not
 * leak a credential: bearer tokens, cookies, passwords and invite tokens.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
];

export type CreateLoggerOptions = {
  /** Shown as `service` on every line. */
  name: string;
  level?: string;
  /** Pretty output for a human; defaults to "stdout is a terminal". */
  pretty?: boolean;
  /** Where lines go; tests pass a stream to capture them. */
  destination?: pino.DestinationStream;
};

export function createLogger({ name, level = 'info', pretty, destination }: CreateLoggerOptions): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: name },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (pretty ?? process.stdout.isTTY) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } });
  }
  return pino(options);
}
