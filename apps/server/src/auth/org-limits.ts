import { KEY_RATE_LIMIT } from '@provisio/core/orgs';
import type { OrgRepository } from '@provisio/core/orgs';
import type { RateLimitOptions } from './rate-limiter.ts';

/** How long a process trusts an org's limit before reading it again: a platform change applies within this. */
const CACHE_MS = 1_000;

/**
 * The rate limit of an org's keys, read at most once a second per org and process (a
 * read per request would add a round trip to every call). `null`: the org has the default
 * limit, so the server's configured one applies. A raised limit bursts to twice itself.
 */
export function createOrgLimits({ orgs, now = () => Date.now() }: { orgs: Pick<OrgRepository, 'findById'>; now?: () => number }) {
  const cache = new Map<string, { at: number; limits: Promise<RateLimitOptions | null> }>();
  const read = async (orgId: string): Promise<RateLimitOptions | null> => {
    const perSecond = (await orgs.findById(orgId))?.settings.keyRateLimit ?? KEY_RATE_LIMIT.default;
    return perSecond === KEY_RATE_LIMIT.default ? null : { perSecond, burst: 2 * perSecond, burstWindowSeconds: 10 };
  };
  return function limitsFor(orgId: string): Promise<RateLimitOptions | null> {
    const at = now();
    const cached = cache.get(orgId);
    if (cached && at - cached.at < CACHE_MS) return cached.limits;
    if (cache.size > 10_000) cache.clear();
    const limits = read(orgId);
    cache.set(orgId, { at, limits });
    // A failed read is not kept: the next request tries again.
    limits.catch(() => cache.delete(orgId));
    return limits;
  };
}

export type LimitsFor = ReturnType<typeof createOrgLimits>;
