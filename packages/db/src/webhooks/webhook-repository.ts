import type {
  WebhookDeliveryRecord,
  WebhookEndpointPatch,
  WebhookEndpointRecord,
  WebhookRepository,
} from '@provisio/core/webhooks';
import { eventIdFloor } from '@provisio/core/events';
import { isDuplicateKey } from '../errors/is-duplicate-key.ts';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { deleteOldest } from '../writes/delete-oldest.ts';
import type { WebhookDeliveryDoc, WebhookEndpointDoc, WebhookModels } from './webhook-models.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const date = (s: string | null) => (s === null ? null : new Date(s));

const toEndpoint = (doc: WebhookEndpointDoc): WebhookEndpointRecord => ({
  id: doc._id,
  orgId: doc.orgId,
  url: doc.url,
  events: doc.events,
  enabled: doc.enabled,
  disabledAt: iso(doc.disabledAt),
  disabledReason: doc.disabledReason,
  secrets: doc.secrets.map((s) => ({
    sealed: s.sealed,
    createdAt: s.createdAt.toISOString(),
    expiresAt: iso(s.expiresAt),
  })),
  cursor: doc.cursor,
  failingSince: iso(doc.failingSince),
  failures: doc.failures,
  retryAt: iso(doc.retryAt),
  createdAt: doc.createdAt.toISOString(),
});

function toPatchDoc(patch: WebhookEndpointPatch): Record<string, unknown> {
  const set: Record<string, unknown> = { ...patch };
  for (const key of ['disabledAt', 'failingSince', 'retryAt'] as const)
    if (patch[key] !== undefined) set[key] = date(patch[key]);
  if (patch.secrets)
    set['secrets'] = patch.secrets.map((s) => ({
      sealed: s.sealed,
      createdAt: new Date(s.createdAt),
      expiresAt: date(s.expiresAt),
    }));
  return set;
}

const toDelivery = ({ _id, at, ...rest }: WebhookDeliveryDoc): WebhookDeliveryRecord => ({
  ...rest,
  id: _id,
  at: at.toISOString(),
});

/** core's WebhookRepository over three collections (webhook-models.ts). */
export function createWebhookRepository(models: WebhookModels, reads: { sql?: SqlReads } = {}): WebhookRepository {
  const { webhookEndpoints: endpoints, webhookDeliveries: deliveries, webhookLeases: leases } = models;
  return {
    async create(endpoint) {
      const { id, ...rest } = endpoint;
      await endpoints.collection.insertOne({
        _id: id,
        ...rest,
        ...toPatchDoc(rest),
        createdAt: new Date(rest.createdAt),
      } as never);
    },
    async get(orgId, id) {
      const doc = await endpoints.findOne({ _id: id, orgId }).lean<WebhookEndpointDoc>();
      return doc ? toEndpoint(doc) : null;
    },
    async list(orgId) {
      const docs = await endpoints.find({ orgId }).sort({ createdAt: 1 }).lean<WebhookEndpointDoc[]>();
      return docs.map(toEndpoint);
    },
    async update(orgId, id, patch) {
      const doc = await endpoints
        .findOneAndUpdate({ _id: id, orgId }, { $set: toPatchDoc(patch) }, { returnDocument: 'after' })
        .lean<WebhookEndpointDoc>();
      return doc ? toEndpoint(doc) : null;
    },
    async remove(orgId, id) {
      const { deletedCount } = await endpoints.deleteOne({ _id: id, orgId });
      return deletedCount > 0;
    },
    async pageAfter(after, limit) {
      type Row = Pick<WebhookEndpointDoc, '_id' | 'orgId' | 'enabled' | 'retryAt' | 'cursor'>;
      const fields = { orgId: 1, enabled: 1, retryAt: 1, cursor: 1 };
      // FerretDB filters an `_id` range in Go after reading the table: the companion's `_id` btree
      // serves it in SQL, and each row is then read by `_id` equality. MongoDB: its `_id` index.
      const rows = await reads.sql?.keysetRows({
        collection: endpoints.collection.collectionName,
        equals: {},
        sort: { _id: 1 },
        ...(after ? { after: { id: after } } : {}),
        limit,
      });
      const docs = rows
        ? (await Promise.all(rows.map((r) => endpoints.findById(r.id, fields).lean<Row>()))).filter(
            (d): d is Row => d !== null,
          )
        : await endpoints
            .find({ _id: { $gt: after } }, fields)
            .sort({ _id: 1 })
            .limit(limit)
            .lean<Row[]>();
      return docs.map((d) => ({
        id: d._id,
        orgId: d.orgId,
        enabled: d.enabled,
        retryAt: iso(d.retryAt),
        cursor: d.cursor,
      }));
    },
    async lease(endpointId, owner, now, ttlMs) {
      for (let i = 0; i < 2; i++) {
        try {
          await leases.collection.insertOne({
            _id: endpointId,
            owner,
            expiresAt: new Date(now.getTime() + ttlMs),
          } as never);
          return true;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        const held = await leases.findById(endpointId).lean();
        if (!held || held.expiresAt > now) return false;
        // A lapsed lease (its holder died) goes to the one taker whose marker for that exact lease is
        // inserted first. A conditional delete is not enough on FerretDB (it reads, then deletes by
        // `_id`), so a slow taker could otherwise remove the lease a faster one had just taken. The
        // marker stays: removing it would let a taker that read the lapsed lease earlier win again.
        try {
          await leases.collection.insertOne({
            _id: `${endpointId}-takeover-${held.expiresAt.getTime()}`,
            owner,
            expiresAt: held.expiresAt,
          } as never);
        } catch (error) {
          if (isDuplicateKey(error)) return false;
          throw error;
        }
        await leases.deleteOne({ _id: endpointId });
      }
      return false;
    },
    async unlease(endpointId, owner) {
      await leases.deleteOne({ _id: endpointId, owner });
    },
    async logDelivery({ id, at, ...rest }) {
      await deliveries.collection.insertOne({ _id: id, ...rest, at: new Date(at) } as never);
    },
    async updateDelivery(orgId, id, { at, ...rest }) {
      await deliveries.updateOne({ _id: id, orgId }, { $set: { ...rest, at: new Date(at) } });
    },
    async getDelivery(orgId, id) {
      const doc = await deliveries.findOne({ _id: id, orgId }).lean<WebhookDeliveryDoc>();
      return doc ? toDelivery(doc) : null;
    },
    pruneDeliveries(before, limit) {
      // Ids are UUIDv7s of when a delivery was queued: "older than" is "id below the floor of the cutoff".
      return deleteOldest(deliveries, reads.sql, { idBelow: eventIdFloor(before.getTime()) }, limit);
    },
    async deliveries(orgId, endpointId, limit) {
      // Newest first: with the companion, the ids from SQL (FerretDB sorted every delivery of the
      // endpoint, 30 days of them with their bodies, to return the newest few), then each by `_id`.
      const { sql } = reads;
      const ids = await sql?.pageIds({
        collection: deliveries.collection.collectionName,
        equals: { orgId, endpointId },
        sort: { _id: -1 },
        offset: 0,
        limit,
      });
      const docs =
        ids && sql
          ? await docsByIds(deliveries, orgId, ids, sql)
          : await deliveries.find({ orgId, endpointId }).sort({ _id: -1 }).limit(limit).lean<WebhookDeliveryDoc[]>();
      return docs.map(toDelivery);
    },
  };
}
