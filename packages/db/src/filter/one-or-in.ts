/**
 * The condition "one of `ids`": a plain equality for one id, which FerretDB pushes down to an
 * index (it does not push down `$in`), and `$in` for several.
 */
export const oneOrIn = (ids: readonly string[]): string | { $in: string[] } =>
  ids.length === 1 && ids[0] !== undefined ? ids[0] : { $in: [...ids] };
