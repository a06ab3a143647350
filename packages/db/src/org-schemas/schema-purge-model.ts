import { Schema } from 'mongoose';
import type { Connection, Model } from 'mongoose';

/**
 * A pending purge of one extension attribute's values in one org (`<schemaId>:<attribute>`,
 * lower-cased: recording it twice is one request). `after` is the last user id done: a purge
 * resumes there after a crash.
 */
export type SchemaPurgeDoc = {
  _id: string;
  orgId: string;
  schemaId: string;
  storageKey: string;
  attribute: string;
  requestedAt: Date;
  after?: string;
};

const schemaPurgeSchema = new Schema<SchemaPurgeDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    schemaId: { type: String, required: true },
    storageKey: { type: String, required: true },
    attribute: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    after: { type: String },
  },
  { versionKey: false },
);

export const registerSchemaPurgeModel = (connection: Connection): Model<SchemaPurgeDoc> =>
  connection.model<SchemaPurgeDoc>('SchemaPurge', schemaPurgeSchema, 'schema_purges');

export const schemaPurgeId = (schemaId: string, attribute: string) => `${schemaId}:${attribute.toLowerCase()}`;
