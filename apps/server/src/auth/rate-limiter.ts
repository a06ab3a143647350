import { AppError } from '@provisio/core';
import type { Principal } from '@provisio/core';
import type { Logger } from '@provisio/logger';
import type { Redis } from 'ioredis';
import type { LimitsFor } from './org-limits.ts';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export type RateLimitOptions = {
  /** Sustained requests per second per key. */
  perSecond: number;
  /** Requests a key may make in one second when it has not bursted lately. */
  burst: number;
  /** How long the extra (burst − perSecond) allowance takes to come back. */
  burstWindowSeconds: number;
};

/** 50/s sustained, bursts of 100: the extra 50 come back over 10 s. An org's raised `keyRateLimit` replaces it for its keys. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 50, burst: 100, burstWindowSeconds: 10 };

const WARN_EVERY_MS = 30_000;

/** A Redis limiter; when Redis errors, the insurance limiter (this process's memory) decides instead. */
export function redisLimiter(redis: Redis, points: number, duration: number, keyPrefix: string) {
  const insuranceLimiter = new RateLimiterMemory({ points, duration, keyPrefix });
  return new RateLimiterRedis({ storeClient: redis, points, duration, keyPrefix, insuranceLimiter });
}

/**
 * Whose budget a call spends: a key's (by id), the platform token's, or a web session's
 * (its admin's, so two browsers share one budget; a platform session the platform's).
 * Internal and test principals without a key have none.
 */
export function rateKeyOf(principal: Principal, via: 'bearer' | 'session'): string | null {
  if (principal.kind === 'platform') return 'platform';
  if (via === 'session') return principal.session?.kind === 'user' ? `user:${principal.session.userId}` : 'platform';
  return principal.keyId ?? null;
}

/**
 * Rate limiting per key or session in Redis (fixed 1 s windows plus a burst reserve). Redis down:
 * each process keeps limiting from memory (so fail open cluster-wide, never closed) and
 * logs a warning at most every 30 s; provisioning must not stop because Redis did.
 */
export function createRateLimiter({ redis, logger, options = DEFAULT_RATE_LIMIT, limitsFor }: { redis: Redis; logger: Logger; options?: RateLimitOptions; limitsFor?: LimitsFor }) {
  // One limiter per distinct limit; they share the Redis counters of a key (the limit is checked here, not in Redis).
  const limiters = new Map<string, BurstyRateLimiter>();
  const limiterFor = (limits: RateLimitOptions) => {
    const id = `${limits.perSecond}/${limits.burst}/${limits.burstWindowSeconds}`;
    let bursty = limiters.get(id);
    if (!bursty) {
      const sustained = redisLimiter(redis, limits.perSecond, 1, 'rl-key');
      const reserve = redisLimiter(redis, Math.max(limits.burst - limits.perSecond, 0), limits.burstWindowSeconds, 'rl-key-burst');
      bursty = new BurstyRateLimiter(sustained, reserve);
      limiters.set(id, bursty);
    }
    return bursty;
  };
  let lastWarn = 0;
  redis.on('error', () => {
    const now = Date.now();
    if (now - lastWarn < WARN_EVERY_MS) return;
    lastWarn = now;
    logger.warn('rate limiter: Redis unreachable, limiting per process from memory');
  });

  /**
   * Consumes `calls` of a budget (`rateKeyOf`; a tRPC batch costs one per call);
   * RATE_LIMITED (with `retryAfter`) beyond the limit. No budget, no limit. A key of an
   * org (`orgId`) gets the org's `keyRateLimit` when the platform has raised it.
   */
  return async function admit(key: string | null, calls = 1, orgId?: string): Promise<void> {
    if (!key) return;
    let limits = options;
    try {
      // An org that cannot be read right now keeps the default limit.
      limits = (orgId && limitsFor ? await limitsFor(orgId).catch(() => null) : null) ?? options;
      await limiterFor(limits).consume(key, calls);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        logger.warn({ err: rejection }, 'rate limiter failed; request admitted');
        return;
      }
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', { message: `Too many requests for this key or session: at most ${limits.perSecond} per second (bursts of ${limits.burst}; each call of a batch counts). Retry after ${retryAfter} s.`, retryAfter });
    }
  };
}

export type Admit = ReturnType<typeof createRateLimiter>;
