import { ScimError } from '@provisio/scim';
import type { ListQuery } from '@provisio/scim';
import { listPage } from './list-page.ts';

type Side = ListQuery | ScimError;
type Listed<T> = { totalResults: number; items: T[]; nextCursor?: string | undefined };

const refused = () =>
  new ScimError({
    status: 400,
    scimType: 'invalidCursor',
    detail: 'invalid cursor: not issued by this server for this listing; start again with an empty cursor',
  });

/**
 * Root `.search` by cursor (RFC 9865): every matching User, then every matching Group, in the
 * order index paging uses, each walked by its own procedure's signed cursor. The root cursor
 * only says which walk it continues: `U<users cursor>`, `G<groups cursor>` (`G` alone: the
 * groups from their start). A side the query does not apply to is left out.
 */
export async function rootCursorPage<U, G>(options: {
  users: Side;
  groups: Side;
  count: number;
  cursor: string;
  searchUsers: (input: ReturnType<typeof listPage>) => Promise<Listed<U>>;
  listGroups: (input: ReturnType<typeof listPage>) => Promise<Listed<G>>;
}): Promise<{ totalResults: number; users: U[]; groups: G[]; nextCursor?: string }> {
  const { users, groups, count, cursor } = options;
  const hasUsers = !(users instanceof ScimError);
  const hasGroups = !(groups instanceof ScimError);
  const phase = cursor === '' ? (hasUsers ? 'U' : 'G') : cursor[0];
  const inner = cursor.slice(1);
  if ((phase !== 'U' || !hasUsers) && (phase !== 'G' || !hasGroups)) throw refused();
  // The other side's total: an index request for the count alone.
  const totalOf = async (
    side: Side,
    list: (input: ReturnType<typeof listPage>) => Promise<{ totalResults: number }>,
  ) => {
    if (side instanceof ScimError) return 0;
    const { cursor: _cursor, ...query } = side;
    return (await list(listPage({ ...query, count: 0 }))).totalResults;
  };

  if (phase === 'G' && hasGroups) {
    const page = await options.listGroups(listPage({ ...groups, cursor: inner, count }));
    return {
      totalResults: page.totalResults + (await totalOf(users, options.searchUsers)),
      users: [],
      groups: page.items,
      ...(page.nextCursor ? { nextCursor: `G${page.nextCursor}` } : {}),
    };
  }
  const userQuery = users as ListQuery;
  const page = await options.searchUsers(listPage({ ...userQuery, cursor: inner, count }));
  const left = count - page.items.length;
  if (page.nextCursor || !hasGroups || left === 0) {
    const groupTotal = await totalOf(groups, options.listGroups);
    const next = page.nextCursor ? `U${page.nextCursor}` : groupTotal > 0 ? 'G' : undefined;
    return {
      totalResults: page.totalResults + groupTotal,
      users: page.items,
      groups: [],
      ...(next ? { nextCursor: next } : {}),
    };
  }
  const first = await options.listGroups(listPage({ ...groups, cursor: '', count: left }));
  return {
    totalResults: page.totalResults + first.totalResults,
    users: page.items,
    groups: first.items,
    ...(first.nextCursor ? { nextCursor: `G${first.nextCursor}` } : {}),
  };
}
