import pino from 'pino';
import type { Logger, LoggerOptions } from 'pino';
import { redactLine } from './redact-secrets.ts';

export type { Logger } from 'pino';

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
    // Logs carry ids, never bodies, but a slip must not leak a credential: every line is redacted.
    hooks: { streamWrite: redactLine },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (pretty ?? process.stdout.isTTY) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } });
  }
  return pino(options);
}
