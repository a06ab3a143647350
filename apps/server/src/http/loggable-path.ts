/**
 * Routes whose path carries a secret: the invite link's token is the whole credential of
 * an invited user. Express matches routes case-insensitively and with a trailing slash, so
 * the pattern does too. A new route with a secret in its path belongs here.
 */
const SECRET_IN_PATH: readonly RegExp[] = [/(\/invite\/)[^/]+/gi];

/**
 * A request URL as logs and audit events may show it: no query string (filters name
 * people) and every path secret replaced (`/invite/[redacted]`). Every place that logs a
 * path goes through here.
 */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return SECRET_IN_PATH.reduce((redacted, pattern) => redacted.replace(pattern, '$1[redacted]'), path);
}
