import pg from 'pg';

/** A backing table, schema-qualified. */
export const tableOf = (schema: string, table: string) =>
  `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;

/** Values per statement of probes: a page's worth; a longer OR costs more to plan than to run. */
export const ANY_OF_CHUNK = 100;

/**
 * One containment per value of a top-level `field`, OR-ed (their parameters appended to
 * `values`), which PostgreSQL runs as a BitmapOr of probes of the field's GIN index: a GIN index
 * cannot take an `= ANY(array)`.
 */
export function probesOf(field: string, list: readonly string[], values: unknown[]): string {
  return list
    .map((value) => {
      values.push(JSON.stringify(value));
      return `_jsonb->'${field}' @> $${values.length}::jsonb`;
    })
    .join(' OR ');
}

/** `read` over `ids` in chunks of ANY_OF_CHUNK, concatenated; `undefined` when a chunk has no SQL form. */
export async function inChunks<T>(
  ids: readonly string[],
  read: (chunk: string[]) => Promise<T[] | undefined>,
): Promise<T[] | undefined> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += ANY_OF_CHUNK) {
    const rows = await read(ids.slice(i, i + ANY_OF_CHUNK));
    if (!rows) return undefined;
    out.push(...rows);
  }
  return out;
}
