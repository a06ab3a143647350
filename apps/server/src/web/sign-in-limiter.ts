import { createHash } from 'node:crypto';
import { AppError } from '@provisio/core';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export type SignInLimits = {
  /** Attempts per client address per 15 minutes, whatever the account (slows spraying many accounts). */
  perAddress: number;
  /** Failures of one (account, address) pair before it must wait. */
  failuresBeforeBackoff: number;
  /** The first wait; each further failure doubles it, up to 15 minutes. */
  backoffBaseSeconds: number;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAddress: 50, failuresBeforeBackoff: 5, backoffBaseSeconds: 1 };

const ADDRESS_WINDOW_S = 15 * 60;
const MAX_BACKOFF_S = 15 * 60;
/** How long a pair's failures are remembered (counted from its first failure). */
const FAILURE_MEMORY_S = 24 * 3600;

/** The wait after the `failures`-th failure of a pair: none before the threshold, then base, 2×base, 4×base… capped at 15 minutes. */
export function backoffSeconds(
  failures: number,
  { failuresBeforeBackoff, backoffBaseSeconds }: Omit<SignInLimits, 'perAddress'>,
): number {
  if (failures < failuresBeforeBackoff) return 0;
  return Math.min(MAX_BACKOFF_S, backoffBaseSeconds * 2 ** Math.min(failures - failuresBeforeBackoff, 30));
}

/** When Redis errors, this process's memory decides instead (as for the key rate limit). */
const limiter = (redis: Redis, points: number, duration: number, keyPrefix: string) =>
  new RateLimiterRedis({
    storeClient: redis,
    points,
    duration,
    keyPrefix,
    insuranceLimiter: new RateLimiterMemory({ points, duration, keyPrefix }),
  });

/** A sign-in attempt: the normalised account (null for the platform admin token) and the client address. */
export type SignInAttempt = { account: string | null; address: string };

/** The pair's key: hashed, so no email address is written to Redis. */
const pairKey = ({ account, address }: SignInAttempt) =>
  createHash('sha256')
    .update(`${account ?? '(platform admin token)'}\n${address}`)
    .digest('hex');

const limited = (msBeforeNext: number) => {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = retryAfter < 60 ? `${retryAfter} second(s)` : `${Math.ceil(retryAfter / 60)} minute(s)`;
  return new AppError('RATE_LIMITED', { message: `Too many sign-in attempts. Try again in ${wait}.`, retryAfter });
};

/**
 * Sign-in limits that no one can turn against an admin: failures back off per
 * (account, address) pair, so guessing from one address slows that address only and the
 * admin still signs in from theirs; every attempt also counts against its address (at most
 * `perAddress` per 15 minutes across accounts).
 */
export function createSignInLimiter(redis: Redis, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
  const byAddress = limiter(redis, limits.perAddress, ADDRESS_WINDOW_S, 'rl-signin-address');
  const failures = limiter(redis, Number.MAX_SAFE_INTEGER, FAILURE_MEMORY_S, 'rl-signin-failures');
  const waiting = limiter(redis, 1, MAX_BACKOFF_S, 'rl-signin-backoff');
  return {
    /** Before the password is checked: RATE_LIMITED (with `retryAfter`) past the address limit or while the pair waits. */
    async admit(attempt: SignInAttempt): Promise<void> {
      try {
        await byAddress.consume(attempt.address);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw limited(rejection.msBeforeNext);
        throw rejection;
      }
      const wait = await waiting.get(pairKey(attempt));
      if (wait && wait.consumedPoints > 1 && wait.msBeforeNext > 0) throw limited(wait.msBeforeNext);
    },
    /** A wrong password or account: the pair's count grows, and past the threshold it waits. */
    async failed(attempt: SignInAttempt): Promise<void> {
      const key = pairKey(attempt);
      const count = await failures.penalty(key);
      const seconds = backoffSeconds(count.consumedPoints, limits);
      if (seconds > 0) await waiting.block(key, seconds);
    },
    /** A right password: the pair starts over. */
    async succeeded(attempt: SignInAttempt): Promise<void> {
      const key = pairKey(attempt);
      await Promise.all([failures.delete(key), waiting.delete(key)]);
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
