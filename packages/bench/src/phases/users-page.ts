import type { BenchOrg } from '../orgs.ts';
import type { Stack } from '../stack.ts';
import { percentile } from '../stats.ts';
import { createTrpc, dataOf } from '../trpc.ts';
import type { Trpc } from '../trpc.ts';

export type PageTiming = {
  view: string;
  ms: number;
  rows: number;
  total: number;
  inviteCalls: number;
  inviteRequests: number;
};
export type UsersPageResult = { size: number; batchedInvites: boolean; views: PageTiming[] };

const PAGE_SIZE = 25;
/** The web app's batch link sends at most 10 calls a request (apps/web/src/api/trpc.ts). */
const MAX_BATCH = 10;
const REPEATS = 3;
const SLOW_MS = 3_000;

type Page = { totalResults: number; items: { id: string; status: string }[] };

/** Whether the server has the batched `invites.statusMany` (one call a page); else the page asks `invites.status` per invited row. */
export async function hasStatusMany(trpc: Trpc): Promise<boolean> {
  const probe = await trpc.query('invites.statusMany', { userIds: ['00000000-0000-7000-8000-000000000000'] });
  if (!probe.error) return true;
  if (!/no procedure/i.test(probe.error.message))
    console.error(
      `invites.statusMany refused { userIds }: ${probe.error.code} ${probe.error.message}; timing one invites.status per row instead`,
    );
  return false;
}

/** The invite states of a page's invited rows, as the page asks for them: returns calls and HTTP requests made. */
async function inviteStates(trpc: Trpc, ids: string[], batched: boolean) {
  if (!ids.length) return { calls: 0, requests: 0 };
  if (batched) {
    dataOf(await trpc.query('invites.statusMany', { userIds: ids }), 'invites.statusMany');
    return { calls: 1, requests: 1 };
  }
  const chunks = Array.from({ length: Math.ceil(ids.length / MAX_BATCH) }, (_, i) =>
    ids.slice(i * MAX_BATCH, (i + 1) * MAX_BATCH),
  );
  const results = await Promise.all(
    chunks.map((chunk) => trpc.batch(chunk.map((userId) => ({ path: 'invites.status', input: { userId } })))),
  );
  for (const result of results.flat()) dataOf(result, 'invites.status');
  return { calls: ids.length, requests: chunks.length };
}

/** One view of the page until its rows and invite states are there (median of up to REPEATS). */
async function view(trpc: Trpc, name: string, input: Record<string, unknown>, batched: boolean): Promise<PageTiming> {
  const times: number[] = [];
  let last = { rows: 0, total: 0, calls: 0, requests: 0 };
  // A slow view (a large org before the fixes) is timed fewer times, so --quick stays short.
  for (let r = 0; r < REPEATS && times.reduce((a, b) => a + b, 0) < SLOW_MS; r++) {
    const started = performance.now();
    const page = dataOf(
      await trpc.query<Page>('users.search', { sortBy: 'userName', count: PAGE_SIZE, ...input }),
      `users.search (${name})`,
    );
    const invites = await inviteStates(
      trpc,
      page.items.filter((u) => u.status === 'invited').map((u) => u.id),
      batched,
    );
    times.push(performance.now() - started);
    last = { rows: page.items.length, total: page.totalResults, ...invites };
  }
  return {
    view: name,
    ms: percentile(times, 0.5),
    rows: last.rows,
    total: last.total,
    inviteCalls: last.calls,
    inviteRequests: last.requests,
  };
}

/** The admin web app's users page data path: first page, last page, a search term (its word-prefix `text`); with its invite-status calls. */
export async function measureUsersPage(stack: Stack, org: BenchOrg, size: number): Promise<UsersPageResult> {
  const trpc = createTrpc(stack.baseUrl, org.adminToken);
  const batched = await hasStatusMany(trpc);
  const first = await view(trpc, 'first page', { startIndex: 1 }, batched);
  const lastStart = Math.max(1, Math.floor((first.total - 1) / PAGE_SIZE) * PAGE_SIZE + 1);
  const last = await view(trpc, 'last page', { startIndex: lastStart }, batched);
  const search = await view(trpc, 'search "Seed User 77"', { startIndex: 1, text: 'Seed User 77' }, batched);
  return { size, batchedInvites: batched, views: [first, last, search] };
}
