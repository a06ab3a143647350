import { encodeUserCursor } from '@provisio/core';
import { createHttp } from '../http.ts';
import type { BenchOrg } from '../orgs.ts';
import type { SeededUser } from '../seed.ts';
import { percentile } from '../stats.ts';
import { createTrpc } from '../trpc.ts';
import { OKTA_HEADERS } from './scim-bodies.ts';

export type ScaleCheck = { size: number; read: string; ms: number; rows: number };

const REPEATS = 7;
const PAGE = 100;

/**
 * Reads whose cost must not grow with the org (each read FerretDB's whole org or group before
 * this round): Entra's email match, a `users.list` page from the middle (an export or an event
 * resync), the same by group, and a middle page of a group's members. Medians of 7, in turns.
 */
export async function measureScaleChecks(
  baseUrl: string,
  org: BenchOrg,
  groupId: string,
  users: readonly SeededUser[],
): Promise<ScaleCheck[]> {
  const scim = createHttp(`${baseUrl}/scim/v2`, { authorization: `Bearer ${org.scimToken}`, ...OKTA_HEADERS });
  const trpc = createTrpc(baseUrl, org.adminToken);
  const middle = [...users].sort((a, b) => (a.id < b.id ? -1 : 1))[Math.floor(users.length / 2)]?.id ?? '';
  const timedTrpc = async (path: string, input: unknown) => {
    const started = performance.now();
    const result = await trpc.query<{ items: unknown[] }>(path, input);
    if (result.error || !result.data) throw new Error(`${path}: ${result.error?.message ?? 'no data'}`);
    return { ms: performance.now() - started, rows: result.data.items.length };
  };
  const reads: Array<[string, (i: number) => Promise<{ ms: number; rows: number }>]> = [
    [
      'SCIM `emails[type eq "work"].value eq` (Entra’s email match)',
      async (i) => {
        const user = users[Math.floor(((i + 0.5) / REPEATS) * users.length)];
        const filter = `emails[type eq "work"].value eq "${user?.userName ?? ''}"`;
        const reply = await scim.send('GET', `/Users?filter=${encodeURIComponent(filter)}`);
        if (reply.status !== 200) throw new Error(`email match: ${reply.status} ${reply.body.slice(0, 200)}`);
        return { ms: reply.ms, rows: (JSON.parse(reply.body) as { Resources: unknown[] }).Resources.length };
      },
    ],
    [
      `users.list, ${PAGE} after the middle user`,
      () => timedTrpc('users.list', { limit: PAGE, cursor: encodeUserCursor(middle, {}) }),
    ],
    [
      `users.list by group, ${PAGE} after the middle member`,
      () => timedTrpc('users.list', { groupId, limit: PAGE, cursor: encodeUserCursor(middle, { groupId }) }),
    ],
    [
      `groups.listMembers, the middle page of ${PAGE}`,
      () => timedTrpc('groups.listMembers', { id: groupId, startIndex: Math.floor(users.length / 2), count: PAGE }),
    ],
  ];
  const times = reads.map(() => [] as number[]);
  const rows = reads.map(() => 0);
  try {
    for (let i = 0; i < REPEATS; i++)
      for (const [k, [, read]] of reads.entries()) {
        const done = await read(i);
        times[k]?.push(done.ms);
        rows[k] = done.rows;
      }
    return reads.map(([read], k) => ({
      size: users.length,
      read,
      ms: percentile(times[k] ?? [], 0.5),
      rows: rows[k] ?? 0,
    }));
  } finally {
    scim.close();
  }
}
