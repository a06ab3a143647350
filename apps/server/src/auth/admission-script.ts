import type { Redis } from 'ioredis';

/**
 * One round trip decides a call: is its client address past the limit of refused
 * credentials (only when asked: the guard checked it before the lookup otherwise), then
 * spend `calls` from the key's 1 s window, and past it from its burst reserve. The counters
 * are rate-limiter-flexible's (same keys and values: `rl-key:`, `rl-key-burst:`,
 * `rl-bad-credential:`), so the bad-credential limiter and replicas running the older code
 * share them. Returns {0} admitted, {1, ms} address refused, {2, ms} key over its limit.
 * All keys on one Redis primary (ARCHITECTURE "Running past one machine"), never a cluster.
 */
const ADMIT_LUA = `
if ARGV[1] ~= '0' then
  local refused = tonumber(redis.call('get', KEYS[1]) or '0')
  if refused >= tonumber(ARGV[1]) then return {1, redis.call('pttl', KEYS[1])} end
end
local function spend(key, seconds)
  redis.call('set', key, 0, 'EX', seconds, 'NX')
  local used = redis.call('incrby', key, ARGV[2])
  local ttl = redis.call('pttl', key)
  if ttl == -1 then
    redis.call('expire', key, seconds)
    ttl = 1000 * seconds
  end
  return used, ttl
end
local used, ttl = spend(KEYS[2], 1)
if used <= tonumber(ARGV[3]) then return {0, 0} end
local reserve, reserveTtl = spend(KEYS[3], ARGV[5])
if reserve <= tonumber(ARGV[4]) then return {0, 0} end
return {2, math.min(ttl, reserveTtl)}
`;

export type Admission = { admitted: true } | { admitted: false; refused: 'address' | 'key'; msBeforeNext: number };

export type AdmissionRequest = {
  /** The budget spent (`rateKeyOf`). */
  key: string;
  calls: number;
  perSecond: number;
  /** Calls beyond `perSecond` the reserve allows per `reserveSeconds`. */
  reserve: number;
  reserveSeconds: number;
  /** Checked first when set: refused while it has this many refused credentials in its window. */
  address?: { address: string; limit: number };
};

type AdmitCommand = (...keysThenArgs: string[]) => Promise<[number, number]>;

/** Registers the script on `redis` (ioredis sends EVALSHA, and EVAL once on NOSCRIPT) and returns the call. */
export function admissionScript(redis: Redis) {
  redis.defineCommand('provisioAdmit', { numberOfKeys: 3, lua: ADMIT_LUA });
  const command = (redis as unknown as { provisioAdmit: AdmitCommand }).provisioAdmit.bind(redis);
  return async function admitInRedis(request: AdmissionRequest): Promise<Admission> {
    const { key, calls, perSecond, reserve, reserveSeconds, address } = request;
    const [verdict, ms] = await command(
      `rl-bad-credential:${address?.address ?? ''}`,
      `rl-key:${key}`,
      `rl-key-burst:${key}`,
      String(address?.limit ?? 0),
      String(calls),
      String(perSecond),
      String(reserve),
      String(reserveSeconds),
    );
    if (verdict === 0) return { admitted: true };
    return { admitted: false, refused: verdict === 1 ? 'address' : 'key', msBeforeNext: Math.max(0, ms) };
  };
}
