import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/**
 * Where a background data migration stands: `version` of the code that runs it, `since` when a
 * process of that version first ran it, `doneAt` once no older writer can exist any more.
 */
export type MigrationDoc = { _id: string; version: number; since: Date; doneAt?: Date };

const migrationSchema = new Schema<MigrationDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    since: { type: Date, required: true },
    doneAt: { type: Date },
  },
  { versionKey: false },
);

export const registerMigrationModel = (connection: Connection): Model<MigrationDoc> =>
  connection.model<MigrationDoc>('Migration', migrationSchema, 'migrations');
