import { isIP } from 'node:net';
import { z } from 'zod';

/** What Express's `trust proxy` is set to: no proxy, a number of hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/** The ranges Express names (proxy-addr): 127.0.0.1/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges and fc00::/7. */
const NAMED = ['loopback', 'linklocal', 'uniquelocal'];

/** `loopback`, an address, or an address/prefix (CIDR). */
function isProxyAddress(item: string): boolean {
  if (NAMED.includes(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const EXPECTED =
  'expected false, a number of proxy hops, or a comma list of loopback, linklocal, uniquelocal, addresses and CIDR ranges';

/** `TRUST_PROXY` as Express takes it, checked at start so a typo stops the server instead of trusting nothing (or anyone). */
export function parseTrustProxy(value: string): TrustProxy | null {
  const text = value.trim();
  if (text === 'false') return false;
  // `true` would trust every hop: any client could pick its own address and escape the per-address limits.
  if (text === 'true') return null;
  if (/^\d+$/.test(text)) return Number(text);
  const items = text.split(',').map((item) => item.trim());
  return items.every(isProxyAddress) ? items : null;
}

export const TrustProxyEnv = z.object({
  /**
   * Which proxies may set the client address through X-Forwarded-For (Express `trust proxy`):
   * sign-in limits and audit events use that address. Default: a proxy on the same host.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (parsed === null)
        ctx.addIssue({
          code: 'custom',
          message: value.trim() === 'true' ? `${EXPECTED} ('true' would let any client choose its address)` : EXPECTED,
        });
      return parsed ?? false;
    }),
});
