import type { LeaseOutcome, StreamLeaseRef, StreamLeases } from '@provisio/core/events';
import type { Logger } from '@provisio/logger';
import type { Redis } from 'ioredis';

/**
 * Takes or renews one lease atomically. Each org and each holder has a sorted set of
 * lease ids scored by expiry (Redis time, so replicas' clocks do not matter); expired
 * ones are dropped first, then a lease not already held must fit under both caps.
 * KEYS: the org's set, the holder's set. ARGV: lease id, ttl ms, per-holder cap, per-org cap.
 */
const HOLD = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 'holder-full' end
  if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 'org-full' end
end
local expires = now + tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], expires, ARGV[1])
redis.call('ZADD', KEYS[2], expires, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 'held'
`;

const WARN_EVERY_MS = 30_000;

/** The org's key and the holder's, in one hash slot (`{orgId}`) so the script runs on a cluster too. */
const keysOf = ({ orgId, holder }: StreamLeaseRef) =>
  [`provisio:streams:{${orgId}}`, `provisio:streams:{${orgId}}:${holder}`] as const;

/**
 * Stream leases in Redis, shared by every replica. Redis unreachable: streams are admitted
 * (the caps fail open, as the rate limiter does) with a warning at most every 30 s.
 * `releaseAll` lets a stopping server hand back what its streams still hold.
 */
export function createRedisStreamLeases({
  redis,
  logger,
}: {
  redis: Redis;
  logger: Logger;
}): StreamLeases & { releaseAll(): Promise<void> } {
  const held = new Map<string, StreamLeaseRef>();
  let lastWarn = 0;
  const warn = (err: unknown) => {
    if (Date.now() - lastWarn < WARN_EVERY_MS) return;
    lastWarn = Date.now();
    logger.warn({ err }, 'stream leases: Redis unreachable, streams admitted without their caps');
  };
  const release = async (lease: StreamLeaseRef) => {
    held.delete(lease.leaseId);
    const [org, holder] = keysOf(lease);
    // Unreachable: the lease expires by itself within its ttl.
    await redis.multi().zrem(org, lease.leaseId).zrem(holder, lease.leaseId).exec().catch(warn);
  };
  return {
    async hold(lease, limits): Promise<LeaseOutcome> {
      try {
        const outcome = (await redis.eval(
          HOLD,
          2,
          ...keysOf(lease),
          lease.leaseId,
          limits.ttlMs,
          limits.perHolder,
          limits.perOrg,
        )) as LeaseOutcome;
        if (outcome === 'held') held.set(lease.leaseId, lease);
        return outcome;
      } catch (err) {
        warn(err);
        return 'held';
      }
    },
    release,
    async releaseAll() {
      await Promise.all([...held.values()].map(release));
    },
  };
}
