import pg from 'pg';
import { COUNT_KEYS } from './companion-plan.ts';
import { groupRefsSql } from './group-refs-sql.ts';
import { inChunks, probesOf, tableOf } from './sql-parts.ts';
import type { GroupRefsRequest } from './group-refs-sql.ts';

/**
 * Top-level equalities a page is narrowed by (after `inOrg`): what both engines read the same.
 * A string array means "an array field holding all of these" (one `@>` containment).
 */
export type Equalities = Record<string, string | boolean | string[]>;

/** Bounds on `_id`: `after` and `before` exclusive, `from` inclusive; any may be left out. */
export type IdRange = { after?: string; from?: string; before?: string };

export type PageRequest = {
  collection: string;
  equals: Equalities;
  sort: Record<string, 1 | -1>;
  offset: number;
  limit: number;
  /** Only ids in this range (byte order, as MongoDB compares strings): above `after`, from `from` on, below `before`. */
  idsBetween?: IdRange;
  /** Only rows where one of these string fields (dotted paths allowed) equals `value`. */
  anyPathEquals?: { paths: readonly string[]; value: string };
};

/** A cursor page: rows after `after` in the order of `sort` (by `_id`, or by an always-stored key then `_id`). */
export type KeysetRequest = {
  collection: string;
  equals: Equalities;
  sort: Record<string, 1 | -1>;
  /** The last row of the previous page: its id and, when sorted by a key, that key's value. */
  after?: { id: string; value?: string };
  limit: number;
};

/** Rows of an org whose `field` is one of `values`: only the string fields in `select` (dotted paths allowed). */
export type AnyOfRequest = {
  collection: string;
  orgId: string;
  field: string;
  values: readonly string[];
  select: readonly string[];
};

/** Rows whose date `field` is before `before`, across orgs (a retention sweep's batch). */
export type DatedRequest = { collection: string; field: string; before: Date; limit: number };

/**
 * Ordered pages and counts on FerretDB's backing tables, for what FerretDB 1.24 does not push
 * down (sort, skip, count): PostgreSQL orders with the companion's indexes and returns only
 * the ids of the page, which the caller then reads through mongoose by `_id`.
 */
export type SqlReads = {
  /** The ids of one page, in order; `undefined` when the request has no SQL form (the caller uses mongoose). */
  pageIds(request: PageRequest): Promise<string[] | undefined>;
  /** The ids (and sort key values) of one cursor page; `undefined` when it has no SQL form. */
  keysetRows(request: KeysetRequest): Promise<Array<{ id: string; value: string | null }> | undefined>;
  /** How many rows match, or at most `upTo` (it stops reading there); `undefined` when it has no SQL form. */
  count(collection: string, equals: Equalities, upTo?: number): Promise<number | undefined>;
  /** `select`'s fields of the rows `request` names, in no order; `undefined` when it has no SQL form. */
  rowsAnyOf(request: AnyOfRequest): Promise<Array<Record<string, string | null>> | undefined>;
  /** Members' groups with their names (`groupRefsSql`), in no order; `undefined` when it has no SQL form. */
  groupRefsOf(
    request: GroupRefsRequest,
  ): Promise<Array<{ memberId: string; groupId: string; display: string | null }> | undefined>;
  /** The ids of the `limit` rows (any org) whose date `field` is oldest and before `before`, oldest first. */
  idsDatedBefore(request: DatedRequest): Promise<string[] | undefined>;
  close(): Promise<void>;
};

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
// Sort fields known to hold strings (or nothing): their text form orders as MongoDB orders them.
const STRING_SORTS = new Set(['_id', 'userNameKey', 'displayNameKey', 'externalId']);
const isStringSort = (field: string) => PATH.test(field) && (STRING_SORTS.has(field) || field.startsWith('search.'));

/** Whether an order has a SQL form (`pageSql`): every key a string sort. */
export const ordersInSql = (sort: Record<string, 1 | -1>): boolean => {
  const fields = Object.keys(sort);
  return fields.length > 0 && fields.every(isStringSort);
};

const textOf = (field: string) =>
  PLAIN.test(field) ? `(_jsonb->>'${field}')` : `(_jsonb#>>'{${field.split('.').join(',')}}')`;

/** `fields` as text columns `f0, f1…`, or `undefined` when there are none or one is not a path. */
const selectOf = (fields: readonly string[]) =>
  fields.length && fields.every((f) => PATH.test(f))
    ? fields.map((field, i) => `${textOf(field)} AS f${i}`).join(', ')
    : undefined;

/** Fields compared as text, so the companion's btrees that lead with them can serve the comparison. */
const TEXT_EQUALITY: ReadonlySet<string> = new Set(['orgId', ...COUNT_KEYS]);

/** WHERE of a page or count; `orgId` (and a COUNT_KEYS field) as text so the companion's btrees can serve it. */
function whereOf(equals: Equalities, values: unknown[]): string | undefined {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(equals)) {
    if (!PLAIN.test(field)) return undefined;
    const asText = TEXT_EQUALITY.has(field) && typeof value === 'string';
    values.push(asText ? value : JSON.stringify(value));
    parts.push(
      asText
        ? `(_jsonb->>'${field}') COLLATE "C" = $${values.length}`
        : `_jsonb->'${field}' @> $${values.length}::jsonb`,
    );
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/**
 * The SQL of a page, or `undefined`. Strings by bytes (`COLLATE "C"`, as MongoDB compares
 * them), missing values last ascending and first descending (RFC 7644 §3.4.2.3, as the
 * mongoose path orders them), ties by `_id` ascending.
 */
export function pageSql(
  table: string,
  schema: string,
  r: PageRequest,
): { text: string; values: unknown[] } | undefined {
  const values: unknown[] = [];
  let where = whereOf(r.equals, values);
  const bounds = { after: '>', from: '>=', before: '<' } as const;
  for (const [bound, op] of Object.entries(bounds) as Array<[keyof IdRange, string]>) {
    const id = r.idsBetween?.[bound];
    if (where === undefined || id === undefined) continue;
    values.push(id);
    where += ` AND (_jsonb->>'_id') COLLATE "C" ${op} $${values.length}`;
  }
  const any = r.anyPathEquals;
  if (where !== undefined && any) {
    if (!any.paths.length || !any.paths.every((p) => PATH.test(p))) return undefined;
    values.push(any.value);
    where += ` AND (${any.paths.map((p) => `${textOf(p)} = $${values.length}`).join(' OR ')})`;
  }
  if (!where || !ordersInSql(r.sort)) return undefined;
  const by = Object.entries(r.sort)
    .map(([f, d]) => `${textOf(f)} COLLATE "C" ${d === 1 ? 'ASC NULLS LAST' : 'DESC NULLS FIRST'}`)
    .join(', ');
  values.push(r.limit, r.offset);
  const from = tableOf(schema, table);
  return {
    text: `SELECT _jsonb->>'_id' AS id FROM ${from} WHERE ${where} ORDER BY ${by} LIMIT $${values.length - 1} OFFSET $${values.length}`,
    values,
  };
}

const ORDERED_KEYS: ReadonlySet<string> = new Set(['userNameKey', 'displayNameKey']);

/**
 * The SQL of a cursor page, or `undefined`: a row comparison after the last row, which the
 * companion's (orgId, _id) or (orgId, key, _id) btree serves as a range, so the page costs the
 * same wherever it starts. Only for `_id` order or an always-stored key (no missing values).
 * A descending key keeps ties by `_id` ascending, as index pages do; the keys are unique per
 * org, so the btree read backwards is already in that order.
 */
export function keysetSql(
  table: string,
  schema: string,
  r: KeysetRequest,
): { text: string; values: unknown[]; keyed: boolean } | undefined {
  const values: unknown[] = [];
  let where = whereOf(r.equals, values);
  const [[first, dir] = ['', 1], ...rest] = Object.entries(r.sort);
  const keyed = first !== '_id';
  if (!where || (keyed && !ORDERED_KEYS.has(first)) || (keyed ? rest.length !== 1 : rest.length !== 0))
    return undefined;
  const id = `(_jsonb->>'_id') COLLATE "C"`;
  const key = keyed ? `(_jsonb->>'${first}') COLLATE "C"` : id;
  const after = r.after;
  if (after && keyed && after.value === undefined) return undefined;
  if (after && !keyed) {
    values.push(after.id);
    where += ` AND ${id} ${dir === 1 ? '>' : '<'} $${values.length}`;
  } else if (after) {
    values.push(after.value, after.id);
    const [v, i] = [`$${values.length - 1}`, `$${values.length}`];
    where +=
      dir === 1 ? ` AND (${key}, ${id}) > (${v}, ${i})` : ` AND ${key} <= ${v} AND (${key} < ${v} OR ${id} > ${i})`;
  }
  const order = keyed ? `${key} ${dir === 1 ? 'ASC' : 'DESC'}, ${id} ASC` : `${id} ${dir === 1 ? 'ASC' : 'DESC'}`;
  values.push(r.limit);
  const from = tableOf(schema, table);
  const select = keyed ? `_jsonb->>'_id' AS id, _jsonb->>'${first}' AS value` : `_jsonb->>'_id' AS id, NULL AS value`;
  return {
    text: `SELECT ${select} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT $${values.length}`,
    values,
    keyed,
  };
}

/**
 * The SQL of a count, or `undefined`. With `upTo`, it reads no more than that many rows
 * (FerretDB's own `count` with a limit, and `find` with one, read every row its equalities
 * match: 365 ms for 60 of an org's 20,000 users, 24 ms of its 1,000).
 */
export function countSql(
  table: string,
  schema: string,
  equals: Equalities,
  upTo?: number,
): { text: string; values: unknown[] } | undefined {
  const values: unknown[] = [];
  const where = whereOf(equals, values);
  if (!where) return undefined;
  const from = tableOf(schema, table);
  if (upTo === undefined) return { text: `SELECT count(*) AS n FROM ${from} WHERE ${where}`, values };
  // In `_id` order, which an (orgId, key, _id) btree gives: the planner then walks it rather than the
  // table, where it would hope to meet matches early (an org with no match read every row).
  values.push(upTo);
  return {
    text: `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} ORDER BY (_jsonb->>'_id') COLLATE "C" LIMIT $${values.length}) AS hits`,
    values,
  };
}

/**
 * Past this many values (a first full push of thousands of members) one pass over the org's
 * rows in PostgreSQL beats the probes: 50,000 labels took 25 s in 500 statements of probes.
 */
const WHOLE_ORG_FROM = 1_000;

/**
 * The SQL of rows whose `field` is one of `values`, or `undefined`: one containment per value,
 * OR-ed, which PostgreSQL runs as a BitmapOr of probes of the field's GIN index (a GIN index
 * cannot take an `= ANY(array)`); only `select`'s fields, as text. The org is checked outside
 * a subquery it cannot enter (`OFFSET 0`): beside it, the planner sometimes read the org's rows
 * through the orgId index instead (seen on a 60-user org), which grows with the org.
 */
export function anyOfSql(
  table: string,
  schema: string,
  r: AnyOfRequest,
): { text: string; values: unknown[] } | undefined {
  const select = selectOf(r.select);
  if (!PLAIN.test(r.field) || !r.values.length || !select) return undefined;
  const values: unknown[] = [JSON.stringify(r.orgId)];
  const probes = probesOf(r.field, r.values, values);
  const from = tableOf(schema, table);
  return {
    text: `SELECT ${select} FROM (SELECT _jsonb FROM ${from} WHERE ${probes} OFFSET 0) AS hits WHERE _jsonb->'orgId' @> $1::jsonb`,
    values,
  };
}

/**
 * The SQL of every row of the org, with `select`'s fields and `field` itself (as `k`), or
 * `undefined`: one pass for a request of more than WHOLE_ORG_FROM values, filtered by the caller.
 */
export function orgRowsSql(
  table: string,
  schema: string,
  r: AnyOfRequest,
): { text: string; values: unknown[] } | undefined {
  const select = selectOf(r.select);
  if (!PLAIN.test(r.field) || !select) return undefined;
  return {
    text: `SELECT ${select}, ${textOf(r.field)} AS k FROM ${tableOf(schema, table)} WHERE _jsonb->'orgId' @> $1::jsonb`,
    values: [JSON.stringify(r.orgId)],
  };
}

/** The earliest JavaScript date, in ms: the range's lower bound keeps it to numbers (jsonb orders strings and nulls below them). */
const EARLIEST_MS = -8_640_000_000_000_000;

/**
 * The SQL of a retention batch by a date field, or `undefined`: FerretDB 1.24 stores a date in
 * `_jsonb` as its milliseconds (a JSON number), so a jsonb range on `_jsonb->'field'` is served by
 * FerretDB's own btree of a declared `{ field: 1 }` index, oldest first.
 */
export function datedSql(
  table: string,
  schema: string,
  r: DatedRequest,
): { text: string; values: unknown[] } | undefined {
  if (!PLAIN.test(r.field)) return undefined;
  const from = tableOf(schema, table);
  const at = `_jsonb->'${r.field}'`;
  return {
    text: `SELECT _jsonb->>'_id' AS id FROM ${from} WHERE ${at} >= $1::jsonb AND ${at} < $2::jsonb ORDER BY ${at} LIMIT $3`,
    values: [String(EARLIEST_MS), String(r.before.getTime()), r.limit],
  };
}

export function createSqlReads(options: {
  postgresUrl: string;
  schema: string;
  tables: Record<string, string>;
  /** Called as each statement is sent, in its caller's async context (the server counts round trips with it). */
  onQuery?: () => void;
}): SqlReads {
  const { postgresUrl, schema, tables } = options;
  let pool: pg.Pool | undefined;
  // Opened on first use: most test databases never read a page.
  const open = () => {
    if (pool) return pool;
    pool = new pg.Pool({ connectionString: postgresUrl, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // An idle connection that PostgreSQL closes is dropped from the pool; the next read opens another.
    pool.on('error', () => undefined);
    return pool;
  };
  const query = <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    options.onQuery?.();
    return open().query<R>(text, values);
  };
  /** The ids a statement selects (as `id`); `undefined` when the request had no SQL form. */
  const idsOf = async (sql: { text: string; values: unknown[] } | undefined) =>
    sql ? (await query<{ id: string }>(sql.text, sql.values)).rows.map((r) => r.id) : undefined;
  return {
    pageIds(request) {
      const table = tables[request.collection];
      return idsOf(table ? pageSql(table, schema, request) : undefined);
    },
    async keysetRows(request) {
      const table = tables[request.collection];
      const sql = table ? keysetSql(table, schema, request) : undefined;
      if (!sql) return undefined;
      const { rows } = await query<{ id: string; value: string | null }>(sql.text, sql.values);
      return rows;
    },
    async count(collection, equals, upTo) {
      const table = tables[collection];
      const sql = table ? countSql(table, schema, equals, upTo) : undefined;
      if (!sql) return undefined;
      const { rows } = await query<{ n: string }>(sql.text, sql.values);
      return Number(rows[0]?.n ?? 0);
    },
    async rowsAnyOf(request) {
      const table = tables[request.collection];
      if (!table) return undefined;
      const values = [...new Set(request.values)];
      const pick = (row: Record<string, string | null>) =>
        Object.fromEntries(request.select.map((field, k) => [field, row[`f${k}`] ?? null]));
      const whole = values.length > WHOLE_ORG_FROM ? orgRowsSql(table, schema, request) : undefined;
      if (whole) {
        const wanted = new Set(values);
        const { rows } = await query<Record<string, string | null>>(whole.text, whole.values);
        return rows.filter((row) => wanted.has(row['k'] ?? '')).map(pick);
      }
      return inChunks(values, async (chunk) => {
        const sql = anyOfSql(table, schema, { ...request, values: chunk });
        return sql && (await query<Record<string, string | null>>(sql.text, sql.values)).rows.map(pick);
      });
    },
    async groupRefsOf(request) {
      const [members, groups] = [tables['group_members'], tables['groups']];
      if (!members || !groups) return undefined;
      return inChunks([...new Set(request.memberIds)], async (memberIds) => {
        const sql = groupRefsSql({ members, groups }, schema, { ...request, memberIds });
        if (!sql) return undefined;
        type Row = { member_id: string; group_id: string; display: string | null };
        const { rows } = await query<Row>(sql.text, sql.values);
        return rows.map((row) => ({ memberId: row.member_id, groupId: row.group_id, display: row.display }));
      });
    },
    idsDatedBefore(request) {
      const table = tables[request.collection];
      return idsOf(table ? datedSql(table, schema, request) : undefined);
    },
    async close() {
      await pool?.end();
    },
  };
}
