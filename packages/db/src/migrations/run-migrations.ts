import type { Model } from 'mongoose';
import type { UserDoc } from '../users/user-model.ts';
import { backfillEmailKeys } from './backfill-email-keys.ts';

/** One-time data migrations, run at every index sync; each is idempotent and cheap once done. */
export async function runMigrations(models: { users: Model<UserDoc> }): Promise<void> {
  await backfillEmailKeys(models.users);
}
