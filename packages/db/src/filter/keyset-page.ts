import type { KeysetPosition, KeysetQuery } from '@provisio/core';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';
import { pageOfIds } from './page-of-ids.ts';
import type { Query } from './field-condition.ts';
import { ALWAYS_STORED, dig, pageScope } from './list-page.ts';
import type { PageSource } from './list-page.ts';

type Side = { where: Query; sort: Record<string, 1 | -1> };

/** Always-stored sort keys with a unique (orgId, key) index. */
const UNIQUE_KEYS: ReadonlySet<string> = new Set(['userNameKey', 'displayNameKey']);

const stored = (p: KeysetPosition): unknown => (p.date && typeof p.value === 'string' ? new Date(p.value) : p.value);

function positionOf(doc: unknown, field: string | undefined): KeysetPosition {
  const id = String(dig(doc, '_id'));
  if (!field) return { id };
  const value = dig(doc, field);
  if (value instanceof Date) return { id, value: value.toISOString(), date: true };
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return { id, value: scalar ? value : null };
}

/**
 * The parts of the order still ahead of `after`, each one query. By `_id`: one range. By a
 * field: its values' side (`f > v`, or `f = v` and a later `_id`) and its missing side (`_id`
 * order), missing last ascending and first descending as index pages order them (RFC 7644
 * §3.4.2.3); a side already passed is left out.
 */
function sidesAfter(sort: Record<string, 1 | -1>, after: KeysetPosition | undefined): Side[] {
  const [field = '_id', dir = 1] = Object.entries(sort)[0] ?? [];
  const beyond = dir === 1 ? '$gt' : '$lt';
  if (field === '_id') return [{ where: after ? { _id: { [beyond]: after.id } } : {}, sort }];
  // Unique per org, so no ties: one range on the key alone, which MongoDB's {orgId, key} index serves either way.
  if (UNIQUE_KEYS.has(field))
    return [{ where: after ? { [field]: { [beyond]: stored(after) } } : {}, sort: { [field]: dir } }];
  const inMissing = after !== undefined && (after.value === null || after.value === undefined);
  const values: Side = {
    where:
      after && !inMissing
        ? { $or: [{ [field]: { [beyond]: stored(after) } }, { [field]: stored(after), _id: { $gt: after.id } }] }
        : ALWAYS_STORED.has(field)
          ? {}
          : { [field]: { $ne: null } },
    sort,
  };
  if (ALWAYS_STORED.has(field)) return [values];
  const missing: Side = {
    where: { [field]: null, ...(inMissing ? { _id: { $gt: after.id } } : {}) },
    sort: { _id: 1 },
  };
  if (dir === 1) return inMissing ? [missing] : [values, missing];
  // Descending: the missing side comes first, so only a position among values has passed it.
  return after && !inMissing ? [values] : [missing, values];
}

/**
 * One cursor page (RFC 9865): the `count` rows after `after` in the listing's order, read from
 * that position and never by offset. Unfiltered listings on FerretDB go to SQL (a btree range),
 * a filter that became a short id list to `pageOfIds`; otherwise mongoose reads each remaining
 * side with `limit`, which MongoDB serves from the (orgId, field) indexes and FerretDB from the
 * filter's pushed-down equality.
 */
export async function keysetPage<D>(
  source: PageSource<D>,
  query: KeysetQuery,
): Promise<{ totalResults?: number; docs: D[]; next: KeysetPosition | null }> {
  const { model, orgId, sql } = source;
  const { sort, whereWith, equals } = await pageScope(source, query);
  const field = Object.keys(sort).find((f) => f !== '_id');
  const limit = query.count + 1;
  const after = query.after;
  if (sql && equals) {
    const collection = model.collection.collectionName;
    const value = typeof after?.value === 'string' ? after.value : undefined;
    const rows = await sql.keysetRows({
      collection,
      equals,
      sort,
      limit,
      ...(after ? { after: { id: after.id, ...(value !== undefined ? { value } : {}) } } : {}),
    });
    const total =
      rows &&
      (query.withTotal === false
        ? null
        : after || rows.length === limit
          ? await sql.count(collection, equals)
          : rows.length);
    if (rows && total !== undefined) {
      const page = rows.slice(0, query.count);
      const last = page.at(-1);
      const next = rows.length === limit && last ? { id: last.id, ...(field ? { value: last.value } : {}) } : null;
      return {
        ...(total !== null ? { totalResults: total } : {}),
        docs: await docsByIds(
          model,
          orgId,
          page.map((r) => r.id),
          sql,
        ),
        next,
      };
    }
  }
  // A filter that came back as a short id list (Entra's email match, `groups eq`): read by `_id`.
  const byIds = await pageOfIds(model, sql, whereWith(), sort, { skip: 0, limit, afterId: after?.id });
  if (byIds) {
    const page = byIds.docs.slice(0, query.count);
    const last = page.at(-1);
    const next = byIds.docs.length === limit && last !== undefined ? positionOf(last, field) : null;
    return { ...(query.withTotal === false ? {} : { totalResults: byIds.totalResults }), docs: page, next };
  }
  const docs: D[] = [];
  for (const side of sidesAfter(sort, after)) {
    if (docs.length >= limit) break;
    docs.push(
      ...(await model
        .find(whereWith(side.where))
        .sort(side.sort)
        .limit(limit - docs.length)
        .lean<D[]>()),
    );
  }
  const page = docs.slice(0, query.count);
  const last = page.at(-1);
  const next = docs.length === limit && last !== undefined ? positionOf(last, field) : null;
  if (query.withTotal === false) return { docs: page, next };
  // A first page that holds everything is its own total (no second read).
  const totalResults = !after && docs.length < limit ? docs.length : await model.countDocuments(whereWith());
  return { totalResults, docs: page, next };
}
