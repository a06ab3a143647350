/**
 * The code hand-off's return URLs: the deployment allow-lists the pages of the product behind
 * Provisio that may receive a sign-in code (`SSO_RETURN_URLS`). A URL matches one when its
 * origin and path are exactly the same (no prefix match: `/cb` does not allow `/cb/../x`, and
 * `https://app.example` does not allow `https://app.example.evil.test`). Its query is kept
 * (the product's own state); user info and fragments are refused.
 */

/** Parses one allow-list entry: an absolute http(s) URL with a path and no query, fragment or user info. */
export function parseReturnUrlEntry(entry: string): string | null {
  const url = parseHttpUrl(entry.trim());
  if (!url || url.search || url.hash || entry.includes('#') || entry.includes('?')) return null;
  return url.origin + url.pathname;
}

/** `candidate` when it is allowed by `allowList` (as `parseReturnUrlEntry` gives them), else null. */
export function allowedReturnUrl(candidate: string, allowList: readonly string[]): string | null {
  const url = parseHttpUrl(candidate);
  if (!url || url.hash || candidate.includes('#')) return null;
  return allowList.includes(url.origin + url.pathname) ? url.href : null;
}

function parseHttpUrl(value: string): URL | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.username || url.password ? null : url;
}

/** A return URL as a code is bound to it: origin and path (the query is the product's state). '' when not a URL. */
export function bareReturnUrl(value: string): string {
  return URL.canParse(value) ? new URL(value).origin + new URL(value).pathname : '';
}
