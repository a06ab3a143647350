import { AppError } from '@provisio/core';
import type { Principal } from '@provisio/core';
import type { Logger } from '@provisio/logger';
import type { Redis } from 'ioredis';
import { KEY_RATE_LIMIT } from '@provisio/core/orgs';
import type { OrgRecord } from '@provisio/core/orgs';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { admissionScript } from './admission-script.ts';
import type { Admission } from './admission-script.ts';
import { addressLimited } from './bad-credential-limiter.ts';
import type { BadCredentialLimit } from './bad-credential-limiter.ts';

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

/** A raised org limit (`keyRateLimit`) for its keys, bursting to twice itself; null at the default (the server's configured limit applies). */
export function keyLimitsOf(org: Pick<OrgRecord, 'settings'> | null): RateLimitOptions | null {
  const perSecond = org?.settings.keyRateLimit ?? KEY_RATE_LIMIT.default;
  return perSecond === KEY_RATE_LIMIT.default ? null : { perSecond, burst: 2 * perSecond, burstWindowSeconds: 10 };
}

export type AdmitOptions = {
  /** The org's raised limit (`keyLimitsOf`); the server's configured one otherwise. */
  limits?: RateLimitOptions | null;
  /** Checked in the same round trip: the client address and its limit of refused credentials. */
  address?: { address: string; limit: BadCredentialLimit };
};

/**
 * Rate limiting per key or session in Redis (fixed 1 s windows plus a burst reserve), one
 * script call per request (`admissionScript`). Redis down: each process keeps limiting from
 * memory (so fail open cluster-wide, never closed) and logs a warning at most every 30 s;
 * provisioning must not stop because Redis did.
 */
export function createRateLimiter({
  redis,
  logger,
  options = DEFAULT_RATE_LIMIT,
}: {
  redis: Redis;
  logger: Logger;
  options?: RateLimitOptions;
}) {
  const admitInRedis = admissionScript(redis);
  // The insurance: one memory limiter per distinct limit, used only while Redis fails.
  const inMemory = new Map<string, BurstyRateLimiter>();
  const memoryLimiterFor = (limits: RateLimitOptions) => {
    const id = `${limits.perSecond}/${limits.burst}/${limits.burstWindowSeconds}`;
    let bursty = inMemory.get(id);
    if (!bursty) {
      const reserve = Math.max(limits.burst - limits.perSecond, 0);
      bursty = new BurstyRateLimiter(
        new RateLimiterMemory({ points: limits.perSecond, duration: 1, keyPrefix: 'rl-key' }),
        new RateLimiterMemory({ points: reserve, duration: limits.burstWindowSeconds, keyPrefix: 'rl-key-burst' }),
      );
      inMemory.set(id, bursty);
    }
    return bursty;
  };
  let lastWarn = 0;
  const warnRedisDown = () => {
    const now = Date.now();
    if (now - lastWarn < WARN_EVERY_MS) return;
    lastWarn = now;
    logger.warn('rate limiter: Redis unreachable, limiting per process from memory');
  };
  redis.on('error', warnRedisDown);

  const keyLimited = (limits: RateLimitOptions, msBeforeNext: number) => {
    const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return new AppError('RATE_LIMITED', {
      message: `Too many requests for this key or session: at most ${limits.perSecond} per second (bursts of ${limits.burst}; each call of a batch counts). Retry after ${retryAfter} s.`,
      retryAfter,
    });
  };

  /**
   * Consumes `calls` of a budget (`rateKeyOf`; a tRPC batch costs one per call);
   * RATE_LIMITED (with `retryAfter`) beyond the limit, or when `address` is past its limit
   * of refused credentials (then nothing is spent). No budget, no limit.
   */
  return async function admit(
    key: string | null,
    calls = 1,
    { limits: raised, address }: AdmitOptions = {},
  ): Promise<void> {
    if (!key) return;
    const limits = raised ?? options;
    let admission: Admission;
    try {
      admission = await admitInRedis({
        key,
        calls,
        perSecond: limits.perSecond,
        reserve: Math.max(limits.burst - limits.perSecond, 0),
        reserveSeconds: limits.burstWindowSeconds,
        ...(address ? { address: { address: address.address, limit: address.limit.perAddress } } : {}),
      });
    } catch {
      warnRedisDown();
      await memoryLimiterFor(limits)
        .consume(key, calls)
        .catch((rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) throw keyLimited(limits, rejection.msBeforeNext);
          logger.warn({ err: rejection }, 'rate limiter failed; request admitted');
        });
      return;
    }
    if (admission.admitted) return;
    if (admission.refused === 'address' && address) throw addressLimited(address.limit, admission.msBeforeNext);
    throw keyLimited(limits, admission.msBeforeNext);
  };
}

export type Admit = ReturnType<typeof createRateLimiter>;
