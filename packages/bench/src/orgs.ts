import { PLATFORM_TOKEN } from './stack.ts';
import { createTrpc, dataOf } from './trpc.ts';

export type BenchOrg = { orgId: string; scimToken: string; adminToken: string };

/** The benchmark's keys may make this many requests per second (raised by the platform, as an operator would). */
export const BENCH_KEY_RATE_LIMIT = 5_000;

/**
 * An enterprise org with its SCIM key and an admin key, through the platform procedures,
 * with its keys' rate limit raised and its mass-deprovision brake off (the loads deactivate
 * far more than 50 users in 10 minutes on purpose), so the benchmark measures the server,
 * not the limiter or the brake.
 */
export async function createBenchOrg(baseUrl: string, name: string): Promise<BenchOrg> {
  const platform = createTrpc(baseUrl, PLATFORM_TOKEN);
  const created = dataOf(
    await platform.mutation<{ org: { id: string }; scim: { token: string } }>('platform.createOrg', {
      name,
      plan: 'enterprise',
    }),
    'platform.createOrg',
  );
  const orgId = created.org.id;
  dataOf(
    await platform.mutation('platform.setOrgKeyRateLimit', { orgId, keyRateLimit: BENCH_KEY_RATE_LIMIT }),
    'platform.setOrgKeyRateLimit',
  );
  const admin = dataOf(
    await platform.mutation<{ token: string }>('platform.createAdminKey', { orgId }),
    'platform.createAdminKey',
  );
  dataOf(
    await createTrpc(baseUrl, admin.token).mutation('brake.configure', { percent: 0, count: 0 }),
    'brake.configure',
  );
  return { orgId, scimToken: created.scim.token, adminToken: admin.token };
}
