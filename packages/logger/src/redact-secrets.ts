/**
 * Field names whose values never reach a log line, at any depth: credentials, and names
 * that end like one (`adminToken`, `newPassword`, `x-csrf-token`, `set-cookie`). `confirm`
 * is the invite form's repeated password.
 */
const SECRET_NAME = '(?:password|passwd|secret|token|authorization|cookie|confirm)s?';
const SECRET_FIELD = new RegExp(`${SECRET_NAME}$`, 'i');
/** The same names as a JSON key, to skip the parse for the lines (nearly all) that have none. */
const SECRET_KEY_IN_JSON = new RegExp(`${SECRET_NAME}"\\s*:`, 'i');

export const REDACTED = '[redacted]';

/** A copy of `value` in which every secret-named field, in objects and arrays at any depth, reads `[redacted]`. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, SECRET_FIELD.test(key) ? REDACTED : redactSecrets(field)]),
  );
}

/**
 * Redacts one serialized log line (pino's `streamWrite` hook): it runs after every
 * serializer, so errors, child bindings and request objects are covered alike. pino's
 * own `redact` paths cannot say "at any depth".
 */
export function redactLine(line: string): string {
  if (!SECRET_KEY_IN_JSON.test(line)) return line;
  try {
    return `${JSON.stringify(redactSecrets(JSON.parse(line)))}\n`;
  } catch {
    // Never the case for pino's output; if it were, dropping the line beats leaking it.
    return `${JSON.stringify({ msg: 'log line dropped: it could not be parsed to redact secrets' })}\n`;
  }
}
