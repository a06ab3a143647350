import { deriveListCursorKey, issueCursor } from '@provisio/core';
import { createHttp } from '../http.ts';
import type { BenchOrg } from '../orgs.ts';
import type { SeededUser } from '../seed.ts';
import { PLATFORM_TOKEN } from '../stack.ts';
import { percentile } from '../stats.ts';

export type CursorPageTiming = { view: string; ms: number; rows: number };
export type CursorPagesResult = { size: number; views: CursorPageTiming[]; nearEndToFirst: number };

const COUNT = 100;
const REPEATS = 7;
/** Rows after the near-end position: the page is full and has a next one. */
const FROM_END = 150;

/**
 * RFC 9865 cursor pages of `GET /Users` (creation order, 100 rows): the first page, and a page
 * 150 users from the end, whose cursor is signed here with the key the server derives from the
 * same admin token (walking 100,000 users to get there would only time the walk). Index paging
 * at the same place, for contrast: it reads every row before its startIndex.
 */
export async function measureCursorPages(
  baseUrl: string,
  org: BenchOrg,
  users: SeededUser[],
): Promise<CursorPagesResult> {
  const http = createHttp(`${baseUrl}/scim/v2`, { authorization: `Bearer ${org.scimToken}` });
  const ids = users.map((u) => u.id).sort();
  const near = ids[ids.length - FROM_END] ?? '';
  // What the server binds a cursor to for an unfiltered, unsorted `/Users` listing.
  const cursor = issueCursor(
    deriveListCursorKey(PLATFORM_TOKEN),
    { orgId: org.orgId, listing: 'users', query: {} },
    { id: near },
    new Date(),
    // The total a walk's first page counted and its cursors carry (later pages never count again).
    ids.length,
  );
  const once = async (view: string, path: string) => {
    const reply = await http.send('GET', path);
    if (reply.status !== 200) throw new Error(`${view}: ${reply.status} ${reply.body.slice(0, 300)}`);
    return { ms: reply.ms, rows: (JSON.parse(reply.body) as { Resources: unknown[] }).Resources.length };
  };
  const views = [
    ['cursor, first page', `/Users?cursor=&count=${COUNT}`],
    [`cursor, ${FROM_END} users from the end`, `/Users?cursor=${cursor}&count=${COUNT}`],
    [`startIndex, ${FROM_END} users from the end`, `/Users?startIndex=${ids.length - FROM_END + 2}&count=${COUNT}`],
  ] as const;
  // Taken in turns, so a burst of load on the machine falls on every view alike.
  const times = views.map(() => [] as number[]);
  const rows = views.map(() => 0);
  try {
    for (let r = 0; r < REPEATS; r++) {
      for (const [i, [view, path]] of views.entries()) {
        const reply = await once(view, path);
        times[i]?.push(reply.ms);
        rows[i] = reply.rows;
      }
    }
    const timed = views.map(([view], i) => ({ view, ms: percentile(times[i] ?? [], 0.5), rows: rows[i] ?? 0 }));
    const [first, nearEnd] = timed;
    return { size: ids.length, views: timed, nearEndToFirst: (nearEnd?.ms ?? 0) / (first?.ms ?? 1) };
  } finally {
    http.close();
  }
}
