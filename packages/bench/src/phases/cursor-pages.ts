import { deriveListCursorKey, issueCursor } from '@provisio/core';
import { createHttp } from '../http.ts';
import type { BenchOrg } from '../orgs.ts';
import type { SeededUser } from '../seed.ts';
import { PLATFORM_TOKEN } from '../stack.ts';
import { percentile } from '../stats.ts';

export type CursorPageTiming = { view: string; ms: number; rows: number };
export type CursorPagesResult = { size: number; views: CursorPageTiming[]; nearEndToFirst: number };

const COUNT = 100;
const REPEATS = 5;
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
  );
  const time = async (view: string, path: string): Promise<CursorPageTiming> => {
    const times: number[] = [];
    let rows = 0;
    for (let r = 0; r < REPEATS; r++) {
      const reply = await http.send('GET', path);
      if (reply.status !== 200) throw new Error(`${view}: ${reply.status} ${reply.body.slice(0, 300)}`);
      rows = (JSON.parse(reply.body) as { Resources: unknown[] }).Resources.length;
      times.push(reply.ms);
    }
    return { view, ms: percentile(times, 0.5), rows };
  };
  try {
    const first = await time('cursor, first page', `/Users?cursor=&count=${COUNT}`);
    const nearEnd = await time(`cursor, ${FROM_END} users from the end`, `/Users?cursor=${cursor}&count=${COUNT}`);
    const index = await time(
      `startIndex, ${FROM_END} users from the end`,
      `/Users?startIndex=${ids.length - FROM_END + 2}&count=${COUNT}`,
    );
    return { size: ids.length, views: [first, nearEnd, index], nearEndToFirst: nearEnd.ms / first.ms };
  } finally {
    http.close();
  }
}
