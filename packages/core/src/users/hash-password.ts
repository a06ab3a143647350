import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters: N (CPU/memory, a power of two), r (block size), p (parallelism). */
export type ScryptParams = { N: number; r: number; p: number };

/** What new hashes use (OWASP's scrypt minimum is N=2^17, r=8, p=1): ~128 MiB and 0.1–0.5 s per hash. */
export const PASSWORD_HASH_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Hashes with parameters beyond these are refused rather than computed (a corrupt or hostile row). */
const LIMITS: ScryptParams = { N: 2 ** 20, r: 32, p: 4 };
const KEY_LENGTH = 32;

// scrypt needs 128·N·r·p bytes; Node's default cap (32 MiB) is below N=2^17, r=8.
const maxmemFor = ({ N, r, p }: ScryptParams) => 128 * N * r * p + 32 * 1024 * 1024;

const derive = (password: string, salt: Buffer, params: ScryptParams) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...params, maxmem: maxmemFor(params) }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );

type Parsed = { params: ScryptParams; salt: Buffer; hash: Buffer };

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

function parse(stored: string): Parsed | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !hash || !isPowerOfTwo(params.N)) return null;
  if (
    params.N > LIMITS.N ||
    !Number.isInteger(params.r) ||
    params.r < 1 ||
    params.r > LIMITS.r ||
    !Number.isInteger(params.p) ||
    params.p < 1 ||
    params.p > LIMITS.p
  )
    return null;
  return { params, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

/**
 * `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so a stored
 * hash of older parameters still verifies and is recognised for rehashing. `params` is
 * for tests that need an old-parameter hash; production code never passes it.
 */
export async function hashPassword(password: string, params: ScryptParams = PASSWORD_HASH_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** True when `stored` was made with other parameters than new hashes use: rehash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return false;
  const { N, r, p } = parsed.params;
  return N !== PASSWORD_HASH_PARAMS.N || r !== PASSWORD_HASH_PARAMS.r || p !== PASSWORD_HASH_PARAMS.p;
}
