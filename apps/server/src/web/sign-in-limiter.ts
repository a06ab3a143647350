import { AppError } from '@provisio/core';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_S = 15 * 60;

const limiter = (redis: Redis, points: number, keyPrefix: string) =>
  new RateLimiterRedis({ storeClient: redis, points, duration: WINDOW_S, keyPrefix, insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_S, keyPrefix }) });

/**
 * Sign-in attempts per 15 minutes: 10 per account name (slows guessing one admin's
 * password from many addresses) and 50 per client address (slows spraying many accounts).
 * The platform admin token has no account limit (`account: null`): it cannot be guessed,
 * and a per-account limit would only let anyone lock the platform admin out.
 */
export function createSignInLimiter(redis: Redis, limits = { perAccount: 10, perAddress: 50 }) {
  const byAccount = limiter(redis, limits.perAccount, 'rl-signin-account');
  const byAddress = limiter(redis, limits.perAddress, 'rl-signin-address');
  return async function admitSignIn({ account, address }: { account: string | null; address: string }): Promise<void> {
    try {
      await byAddress.consume(address);
      if (account !== null) await byAccount.consume(account);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', { message: `Too many sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, retryAfter });
    }
  };
}

export type AdmitSignIn = ReturnType<typeof createSignInLimiter>;
