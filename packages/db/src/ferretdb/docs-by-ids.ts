import type { Model } from 'mongoose';

/**
 * The documents of `ids`, in that order, each read by `_id` equality: the one form FerretDB
 * serves from an index (it filters `$in` row by row). Ids gone meanwhile are skipped.
 */
export async function docsByIds<D>(model: Model<D>, orgId: string, ids: string[]): Promise<D[]> {
  const docs = await Promise.all(ids.map((_id) => model.findOne({ _id, orgId }).lean<D>()));
  return docs.filter((d): d is NonNullable<typeof d> => d !== null);
}
