import type { Model } from 'mongoose';
import type { SqlReads } from '../ferretdb/sql-reads.ts';

/** Equality queries in flight at once: enough to overlap round trips, few enough to leave the pool to others. */
const CONCURRENCY = 8;
/** `$in` lists go in chunks of this many. */
const IN_CHUNK = 1_000;

export type AnyOf = {
  /** Every other condition: at least the org. */
  where: Record<string, unknown>;
  field: string;
  values: readonly string[];
  projection?: Record<string, 1>;
  /** Stops reading once more than this many documents came back (the caller then refuses). */
  atMost?: number;
};

/**
 * The documents matching `where` whose `field` is one of `values`, in no particular order.
 * With the companion (`sql` set: FerretDB on PostgreSQL): one equality query per
 * value, the one form FerretDB serves from an index. It never pushes `$in` down: it reads every
 * document the rest of the filter matches, the whole org, and checks `$in` row by row (3 user ids
 * in an org of 100,000: 32 s). Otherwise (MongoDB, whose indexes serve `$in`; FerretDB without
 * the companion, where an equality scans too): `$in`, in chunks.
 */
export async function findAnyOf<D>(model: Model<D>, q: AnyOf, sql: SqlReads | undefined): Promise<D[]> {
  const values = [...new Set(q.values)];
  const out: D[] = [];
  const limit = q.atMost === undefined ? undefined : q.atMost + 1;
  const over = () => limit !== undefined && out.length >= limit;
  const read = async (condition: string | { $in: string[] }) => {
    const query = model.find({ ...q.where, [q.field]: condition } as never, q.projection);
    out.push(...(await (limit === undefined ? query : query.limit(limit - out.length)).lean<D[]>()));
  };
  if (!sql) {
    for (let i = 0; i < values.length && !over(); i += IN_CHUNK) {
      const chunk = values.slice(i, i + IN_CHUNK);
      await read(chunk.length === 1 ? (chunk[0] ?? '') : { $in: chunk });
    }
    return out;
  }
  let next = 0;
  const worker = async () => {
    for (let value = values[next++]; value !== undefined && !over(); value = values[next++]) await read(value);
  };
  // Bounded (`atMost`): one at a time, so no more than one document past it is ever read.
  const lanes = limit === undefined ? CONCURRENCY : 1;
  await Promise.all(Array.from({ length: Math.min(lanes, values.length) }, worker));
  return out;
}

/** A string at a dotted path of a document, or null. */
const stringAt = (doc: unknown, path: string): string | null => {
  let value: unknown = doc;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : null;
};

/**
 * String fields (`select`, dotted paths allowed) of the org's documents whose `field` is one of
 * `values`, in no particular order. With the companion (`sql`) and several values: SQL
 * statements of 100 index probes each (`rowsAnyOf`), which read only those fields; else `findAnyOf`.
 */
export async function fieldsAnyOf<D>(
  model: Model<D>,
  sql: SqlReads | undefined,
  q: { orgId: string; field: string; values: readonly string[]; select: readonly string[] },
): Promise<Array<Record<string, string | null>>> {
  const collection = model.collection.collectionName;
  const rows = q.values.length > 1 ? await sql?.rowsAnyOf({ collection, ...q }) : undefined;
  if (rows) return rows;
  const projection = Object.fromEntries(q.select.map((f) => [f, 1 as const]));
  const docs = await findAnyOf(model, { where: { orgId: q.orgId }, field: q.field, values: q.values, projection }, sql);
  return docs.map((d) => Object.fromEntries(q.select.map((f) => [f, stringAt(d, f)])));
}
