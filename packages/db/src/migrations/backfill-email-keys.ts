import type { Model } from 'mongoose';
import { emailKeysOf } from '../users/email-keys.ts';
import type { UserDoc } from '../users/user-model.ts';

/**
 * Users stored before `emailKeys` existed get it from their emails. Idempotent: only
 * documents without the field are read, and each gets the value every user write sets.
 */
export async function backfillEmailKeys(users: Model<UserDoc>): Promise<number> {
  let done = 0;
  const cursor = users.find({ emailKeys: { $exists: false } }, { attributes: 1 }).lean<Array<Pick<UserDoc, '_id' | 'attributes'>>>().cursor();
  for await (const doc of cursor) {
    await users.updateOne({ _id: doc._id, emailKeys: { $exists: false } }, { $set: { emailKeys: emailKeysOf(doc.attributes.emails) } }, { timestamps: false });
    done++;
  }
  return done;
}
