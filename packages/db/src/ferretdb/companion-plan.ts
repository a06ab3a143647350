import { createHash } from 'node:crypto';

/** What the server is, as far as the companion cares. */
export type Engine =
  | { kind: 'mongodb' }
  | { kind: 'ferretdb-postgresql'; version: string }
  /** FerretDB on another handler (SQLite) or another major line: the companion stays off. */
  | { kind: 'ferretdb-other'; version: string; reason: string };

/** One collection's declared indexes, as mongoose lists them. */
export type DeclaredIndexes = { collection: string; fields: string[] };

export type CompanionPlan =
  { kind: 'create'; statements: string[]; tables: Record<string, string> } | { kind: 'warn'; warning: string };

/** The btree expression that orders an org's documents by `_id` (byte order, as MongoDB compares strings). */
export const ORG_ORDER = `(_jsonb->>'orgId') COLLATE "C", (_jsonb->>'_id') COLLATE "C"`;

/**
 * Always-stored string keys a listing may be sorted by: each gets a btree (orgId, key, _id) as
 * text, so a cursor page sorted by it starts at its position instead of reading the org.
 */
export const SORT_KEYS = ['userNameKey', 'displayNameKey'] as const;
const sortOrder = (field: string) =>
  `(_jsonb->>'orgId') COLLATE "C", (_jsonb->>'${field}') COLLATE "C", (_jsonb->>'_id') COLLATE "C"`;

/**
 * Always-stored string keys an org's rows are counted by, up to a bound (the mass-deprovision
 * brake's active users): each gets a btree (orgId, key, _id) as text. The count walks it in
 * `_id` order, so it stops at its bound even when nothing matches; the GIN index's containment
 * has no useful estimate, and with a LIMIT the planner read the whole table for an org with no
 * active user.
 */
export const COUNT_KEYS = ['status'] as const;
const COUNTED: ReadonlySet<string> = new Set(COUNT_KEYS);

/**
 * The btree of a whole-table walk by `_id`, across orgs: the webhook sweep's pages, and the
 * retention sweeps' oldest rows (their `_id`s are UUIDv7s, so `_id` order is age).
 */
export const ID_ORDER = `(_jsonb->>'_id') COLLATE "C"`;
/** Collections walked by `_id` regardless of org: only these pay for the extra btree. */
export const ID_ORDER_COLLECTIONS: ReadonlySet<string> = new Set([
  'webhook_endpoints',
  'audit_events',
  'user_events',
  'group_events',
  'webhook_deliveries',
]);

/**
 * Fields shared by many rows whose new values keep coming (every org is new once). With the
 * default statistics target, ANALYZE lists every org it saw, so an org born since is estimated
 * at one row and the planner reads it through the orgId index instead of the index that names
 * one row: a new org's userName lookup read every user of that org, and a 10,000-user sync
 * slowed as it went. At target 1 only the largest value is listed, and any other is estimated
 * at a share of the rest (never one row), so the selective index wins. It is set on every
 * index column of the field, FerretDB's own btrees included: the planner takes an
 * expression's statistics from any index that has it.
 */
export const COARSE_STATISTICS_FIELDS = ['orgId'] as const;

/**
 * A GIN index keeps new entries in a pending list (4 MB by default) that every search reads
 * through before the index proper: after a bulk of inserts (an initial sync, a seed of
 * 200,000 users) a lookup read megabytes of it. 64 kB, PostgreSQL's least, bounds that read;
 * inserts then move their entries into the index in small batches.
 */
export const GIN_PENDING_LIST_KB = 64;
const PENDING_LIST = `gin_pending_list_limit=${GIN_PENDING_LIST_KB}`;

const SUPPORTED = /^v?1\.24\./;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TABLE = /^[a-z0-9_]{1,63}$/;

const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * Reads the server's own answers: `buildInfo` (FerretDB adds `ferretdbVersion`, MongoDB
 * has none) and the `queryPlanner` of an `explain` (the PostgreSQL handler returns a
 * PostgreSQL plan, whose nodes carry a "Node Type").
 */
export function detectEngine(buildInfo: Record<string, unknown>, queryPlanner: unknown): Engine {
  const version = buildInfo['ferretdbVersion'];
  if (typeof version !== 'string') return { kind: 'mongodb' };
  if (!SUPPORTED.test(version))
    return { kind: 'ferretdb-other', version, reason: `FerretDB ${version}: the companion is written for 1.24.x` };
  const plan = record(record(queryPlanner)?.['Plan']);
  if (typeof plan?.['Node Type'] !== 'string')
    return { kind: 'ferretdb-other', version, reason: 'not the PostgreSQL handler' };
  return { kind: 'ferretdb-postgresql', version };
}

/** Index name from the table and field: stable, within PostgreSQL's 63 characters. */
export const indexName = (table: string, what: string) =>
  `${table}_pv_${createHash('sha256').update(what).digest('hex').slice(0, 10)}`;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * From FerretDB's metadata rows (`_ferretdb_database_metadata._jsonb`: collection name in
 * `_id`, table name in `table`) and the declared indexes: one GIN `jsonb_path_ops`
 * expression index per top-level indexed field (FerretDB pushes equality down as
 * `_jsonb->'f' @> v`, which its own btree indexes cannot serve), and one btree on
 * (orgId, _id) as text for ordered org pages (and one per SORT_KEYS and COUNT_KEYS field). Nested paths are never pushed down: skipped.
 */
export function planCompanion(options: {
  schema: string;
  metadata: unknown[];
  declared: DeclaredIndexes[];
}): CompanionPlan {
  const { schema, metadata, declared } = options;
  const tables: Record<string, string> = {};
  for (const row of metadata) {
    const doc = record(row);
    const name = doc?.['_id'];
    const table = doc?.['table'];
    if (typeof name !== 'string' || typeof table !== 'string' || !TABLE.test(table)) {
      return { kind: 'warn', warning: `unexpected FerretDB metadata row in schema ${schema} (expected _id and table)` };
    }
    tables[name] = table;
  }
  const statements: string[] = [];
  const on = (table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;
  const indexed: string[] = [];
  /** The companion's index names, all tables: any other `_pv_` index of these tables is retired. */
  const wanted: string[] = [];
  const create = (table: string, what: string, definition: string) => {
    const name = indexName(table, what);
    wanted.push(name.slice(0, 63)); // as PostgreSQL stores a longer one
    statements.push(`CREATE INDEX IF NOT EXISTS ${quoteIdent(name)} ON ${on(table)} ${definition}`);
  };
  for (const { collection, fields } of declared) {
    const table = tables[collection];
    if (!table) continue;
    indexed.push(table);
    const top = [...new Set(['_id', ...fields])].filter((f) => FIELD.test(f));
    // A COUNT_KEYS field has a few values shared by many rows: a GIN index of it is never the selective one.
    for (const field of top.filter((f) => !COUNTED.has(f)))
      create(table, field, `USING gin ((_jsonb->'${field}') jsonb_path_ops) WITH (${PENDING_LIST})`);
    if (top.includes('orgId')) {
      create(table, 'orgId,_id:text', `(${ORG_ORDER})`);
      for (const key of [...SORT_KEYS, ...COUNT_KEYS].filter((k) => top.includes(k)))
        create(table, `orgId,${key},_id:text`, `(${sortOrder(key)})`);
    }
    if (ID_ORDER_COLLECTIONS.has(collection)) create(table, '_id:text', `(${ID_ORDER})`);
  }
  if (indexed.length) statements.push(dropRetired(schema, indexed, wanted));
  statements.push(tuneExistingIndexes(schema));
  // Statistics now, so the planner picks the selective index rather than waiting for autovacuum.
  for (const table of indexed) statements.push(`ANALYZE ${on(table)}`);
  return { kind: 'create', statements, tables };
}

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Drops the companion's own indexes (`<table>_pv_…`) of `tables` that it no longer creates: those
 * of a field no index declares any more (the `at` of audit events and webhook deliveries), which
 * every insert still paid for. FerretDB's indexes and anyone else's are never touched.
 */
function dropRetired(schema: string, tables: string[], wanted: string[]): string {
  const list = (names: string[]) => `ARRAY[${names.map(quoteLiteral).join(', ')}]::text[]`;
  return `DO $retire$ DECLARE r record; BEGIN
  FOR r IN SELECT x.oid::regclass AS idx FROM pg_index i
    JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace ns ON ns.oid = t.relnamespace
    WHERE ns.nspname = ${quoteLiteral(schema)} AND t.relname = ANY (${list(tables)})
      AND x.relname LIKE t.relname || '\\_pv\\_%' AND NOT (x.relname = ANY (${list(wanted)}))
  LOOP EXECUTE format('DROP INDEX %s', r.idx); END LOOP;
END $retire$`;
}

/**
 * What a CREATE cannot give an index that already exists, changed only where it differs (no
 * catalog write, no lock, on an ordinary start): statistics target 1 on every index column of the
 * schema that is a COARSE_STATISTICS_FIELDS expression, FerretDB's btrees included, and the
 * short pending list on companion GIN indexes made before it was set at creation.
 */
function tuneExistingIndexes(schema: string): string {
  const expressions = COARSE_STATISTICS_FIELDS.map((f) => quoteLiteral(`(_jsonb -> '${f}'::text)`)).join(', ');
  return `DO $tune$ DECLARE r record; BEGIN
  FOR r IN SELECT i.indexrelid::regclass AS idx, a.attnum AS n FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = i.indexrelid AND a.attnum > 0
    WHERE ns.nspname = ${quoteLiteral(schema)} AND a.attstattarget <> 1
      AND pg_get_indexdef(i.indexrelid, a.attnum, true) IN (${expressions})
  LOOP EXECUTE format('ALTER INDEX %s ALTER COLUMN %s SET STATISTICS 1', r.idx, r.n); END LOOP;
  FOR r IN SELECT x.oid::regclass AS idx FROM pg_class x
    JOIN pg_namespace ns ON ns.oid = x.relnamespace JOIN pg_am am ON am.oid = x.relam
    WHERE ns.nspname = ${quoteLiteral(schema)} AND x.relkind = 'i' AND am.amname = 'gin'
      AND x.relname LIKE '%\\_pv\\_%' AND NOT (coalesce(x.reloptions, '{}') @> ARRAY['${PENDING_LIST}'])
  LOOP EXECUTE format('ALTER INDEX %s SET (${PENDING_LIST})', r.idx); END LOOP;
END $tune$`;
}
