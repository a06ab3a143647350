import { AppError } from '@provisio/core';
import type { Logger } from '@provisio/logger';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export type BadCredentialLimit = {
  /** Credentials that fail to authenticate, per client address and window. */
  perAddress: number;
  windowSeconds: number;
};

/** 60 a minute: no IdP or tool retries a refused key that often, and guessing costs at most a read a second. */
export const DEFAULT_BAD_CREDENTIAL_LIMIT: BadCredentialLimit = { perAddress: 60, windowSeconds: 60 };

/** A Redis limiter; when Redis errors, the insurance limiter (this process's memory) decides instead. */
function redisLimiter(redis: Redis, points: number, duration: number, keyPrefix: string) {
  const insuranceLimiter = new RateLimiterMemory({ points, duration, keyPrefix });
  return new RateLimiterRedis({ storeClient: redis, points, duration, keyPrefix, insuranceLimiter });
}

/** The refusal of an address past its limit, retryable after `msBeforeNext`. */
export function addressLimited(limit: BadCredentialLimit, msBeforeNext: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError('RATE_LIMITED', {
    message: `Too many requests with invalid credentials from this address: at most ${limit.perAddress} in ${limit.windowSeconds} s. Retry after ${retryAfter} s.`,
    retryAfter,
  });
}

/**
 * Counts, per client address (`req.ip`, so `trust proxy` decides), the credentials that
 * did not authenticate: malformed tokens, unknown key ids, wrong secrets, revoked keys,
 * ended sessions. Past the limit `check` refuses the address before its next credential
 * is looked up, so guessing cannot buy database reads. Redis down: per-process memory.
 */
export function createBadCredentialLimiter({
  redis,
  logger,
  limit = DEFAULT_BAD_CREDENTIAL_LIMIT,
}: {
  redis: Redis;
  logger: Logger;
  limit?: BadCredentialLimit;
}) {
  const failures = redisLimiter(redis, limit.perAddress, limit.windowSeconds, 'rl-bad-credential');
  return {
    limit,
    /** RATE_LIMITED (with `retryAfter`) while `address` is past its limit. */
    async check(address: string): Promise<void> {
      const seen = await failures.get(address).catch((err: unknown) => {
        logger.warn({ err }, 'bad-credential limiter failed; request admitted');
        return null;
      });
      if (!seen || seen.consumedPoints < limit.perAddress) return;
      throw addressLimited(limit, seen.msBeforeNext);
    },
    /** Notes one credential from `address` that did not authenticate. */
    async count(address: string): Promise<void> {
      await failures.consume(address).catch((rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes))
          logger.warn({ err: rejection }, 'bad-credential limiter failed to count');
      });
    },
  };
}

export type BadCredentialLimiter = ReturnType<typeof createBadCredentialLimiter>;
