import type { OrgSchemaRecord, OrgSchemaRepository } from '@provisio/core/org-schemas';
import type { Model } from 'mongoose';
import { conflictOnDuplicate, isDuplicateKey } from '../errors/is-duplicate-key.ts';
import { withVersionClaim } from '../versioning/claim-version.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';
import type { OrgSchemaDoc } from './org-schema-model.ts';
import { schemaPurgeId } from './schema-purge-model.ts';
import type { SchemaPurgeDoc } from './schema-purge-model.ts';

const toOrgSchema = (doc: OrgSchemaDoc): OrgSchemaRecord => ({
  id: doc._id,
  orgId: doc.orgId,
  urn: doc.urn,
  name: doc.name,
  ...(doc.description !== undefined ? { description: doc.description } : {}),
  resourceType: doc.resourceType,
  storageKey: doc.storageKey,
  attributes: doc.attributes,
  hiddenAttributes: doc.hiddenAttributes,
  purgedAttributeNames: doc.purgedAttributeNames,
  status: doc.status,
  version: doc.version,
  created: doc.createdAt.toISOString(),
  lastModified: doc.updatedAt.toISOString(),
});

const slotOf = (s: { urn: string; status: string; _id: string }) =>
  s.status === 'active' ? s.urn.toLowerCase() : `retired:${s._id}`;

/** Implements core's OrgSchemaRepository; each version is taken by a claim (FerretDB updates are not isolated). */
export function createOrgSchemaRepository(
  model: Model<OrgSchemaDoc>,
  purges: Model<SchemaPurgeDoc>,
  vc: VersionClaims,
): OrgSchemaRepository {
  return {
    async recordPurges(requests) {
      await Promise.all(
        requests.map(({ orgId, schemaId, storageKey, attribute, requestedAt }) =>
          purges
            .updateOne(
              { _id: schemaPurgeId(schemaId, attribute) },
              { $setOnInsert: { orgId, schemaId, storageKey, attribute, requestedAt } },
              { upsert: true },
            )
            // Two recordings at once: the other one's insert is the same request.
            .catch((error: unknown) => {
              if (!isDuplicateKey(error)) throw error;
            }),
        ),
      );
    },
    async insert({ now, id, ...schema }) {
      const doc: OrgSchemaDoc = {
        ...schema,
        _id: id,
        status: 'active',
        urnSlot: slotOf({ urn: schema.urn, status: 'active', _id: id }),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await model.collection.insertOne(doc as never).catch(conflictOnDuplicate(`extension schema ${schema.urn}`));
      return toOrgSchema(doc);
    },
    async list(orgId, { includeRetired = false } = {}) {
      const docs = await model
        .find(includeRetired ? { orgId } : { orgId, status: 'active' })
        .sort({ _id: 1 })
        .lean<OrgSchemaDoc[]>();
      return docs.map(toOrgSchema);
    },
    async findById(orgId, id) {
      const doc = await model.findOne({ _id: id, orgId }).lean<OrgSchemaDoc>();
      return doc ? toOrgSchema(doc) : null;
    },
    async update(orgId, id, version, changes, now) {
      const written = await withVersionClaim(vc, { kind: 'schema', orgId, id, nextVersion: version + 1, now }, () => {
        const urnSlot = changes.status === 'retired' ? { urnSlot: `retired:${id}` } : {};
        return model
          .findOneAndUpdate(
            { _id: id, orgId, version },
            { $set: { ...changes, ...urnSlot, version: version + 1, updatedAt: now } },
            { returnDocument: 'after' },
          )
          .lean<OrgSchemaDoc>()
          .catch(conflictOnDuplicate('extension schema URN'));
      });
      return written ? toOrgSchema(written) : null;
    },
  };
}
