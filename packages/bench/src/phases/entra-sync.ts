import { createHttp } from '../http.ts';
import type { BenchOrg } from '../orgs.ts';
import { runPool } from '../pool.ts';
import type { SeededUser } from '../seed.ts';
import type { Stack } from '../stack.ts';
import { createRecorder } from './okta-sync.ts';
import type { RequestFigures } from './okta-sync.ts';
import { entraReplace } from './scim-bodies.ts';

export type EntraResult = {
  patches: number;
  seconds: number;
  patchesPerSecond: number;
  cpuMsPerRequest: number;
  figures: RequestFigures;
};

/** Entra's incremental sync: `count` PATCHes (capitalised `Replace` of the work email and family name) on existing users, 4 at a time. */
export async function entraIncrementalSync(
  stack: Stack,
  org: BenchOrg,
  users: readonly SeededUser[],
  options: { count: number; maxSeconds: number },
): Promise<EntraResult> {
  const http = createHttp(`${stack.baseUrl}/scim/v2`, {
    authorization: `Bearer ${org.scimToken}`,
    accept: 'application/scim+json',
  });
  const recorder = createRecorder();
  const cpu0 = stack.serverCpuMs();
  const run = await runPool({ concurrency: 4, count: options.count, seconds: options.maxSeconds }, async (i) => {
    const user = users[(i * 7919) % users.length];
    if (!user) return;
    recorder.record(
      'PATCH',
      await http.send('PATCH', `/Users/${user.id}`, entraReplace(`entra.${i}.${user.userName}`, `Entra ${i}`)),
      [200, 204],
    );
  });
  http.close();
  const figures = recorder.byType()['PATCH'] ?? { count: 0, p50: Number.NaN, p99: Number.NaN, errors: 0 };
  return {
    patches: run.done,
    seconds: run.seconds,
    patchesPerSecond: run.done / run.seconds,
    cpuMsPerRequest: (stack.serverCpuMs() - cpu0) / Math.max(1, run.done),
    figures,
  };
}
