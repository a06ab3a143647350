/**
 * RelayState is where the browser goes after sign-in: only a path of this site (`/…`, not
 * `//host`, no backslash, no scheme, no control characters), so it can never send a signed-in
 * person to another site. Anything else is refused rather than silently replaced.
 */
export function isSafeRelayState(value: string): boolean {
  return (
    value.length <= 512 &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.includes('\\') &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(value) &&
    !/^\/[^/]*:/.test(value.split(/[?#]/)[0] ?? '')
  );
}
