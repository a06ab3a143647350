import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { emailKeysOf } from '../users/email-keys.ts';
import type { UserDoc } from '../users/user-model.ts';

const BATCH = 500;

/**
 * Users stored before `emailKeys` existed get it from their emails. Idempotent: only
 * documents without the field are read, and each gets the value every user write sets.
 * Writes go by `_id` in unordered batches (index-served on FerretDB once the companion ran).
 */
export async function backfillEmailKeys(users: Model<UserDoc>): Promise<number> {
  let done = 0;
  let batch: AnyBulkWriteOperation<UserDoc>[] = [];
  const flush = async () => {
    if (batch.length) await users.bulkWrite(batch, { ordered: false, timestamps: false });
    done += batch.length;
    batch = [];
  };
  // Read first, then write: no cursor stays open on the rows being updated.
  const pending = await users.find({ emailKeys: { $exists: false } }, { attributes: 1 }).lean<Array<Pick<UserDoc, '_id' | 'attributes'>>>();
  for (const doc of pending) {
    batch.push({ updateOne: { filter: { _id: doc._id, emailKeys: { $exists: false } }, update: { $set: { emailKeys: emailKeysOf(doc.attributes.emails) } } } });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return done;
}
