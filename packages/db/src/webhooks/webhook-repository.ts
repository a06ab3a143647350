import type {
  WebhookDeliveryRecord,
  WebhookEndpointPatch,
  WebhookEndpointRecord,
  WebhookRepository,
} from '@provisio/core/webhooks';
import { isDuplicateKey } from '../errors/is-duplicate-key.ts';
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
export function createWebhookRepository(models: WebhookModels): WebhookRepository {
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
    async due(now, limit) {
      // Two queries of plain equalities and one range (each served by the index on FerretDB).
      const [waiting, backedOff] = await Promise.all([
        endpoints.find({ enabled: true, retryAt: null }, { orgId: 1 }).limit(limit).lean<WebhookEndpointDoc[]>(),
        endpoints
          .find({ enabled: true, retryAt: { $lte: now } }, { orgId: 1 })
          .limit(limit)
          .lean<WebhookEndpointDoc[]>(),
      ]);
      return [...waiting, ...backedOff].slice(0, limit).map((d) => ({ orgId: d.orgId, id: d._id }));
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
        // A lapsed lease (its holder died) is removed by its exact owner, so two takers race on the insert again.
        const held = await leases.findById(endpointId).lean();
        if (!held || held.expiresAt > now) return false;
        await leases.deleteOne({ _id: endpointId, owner: held.owner, expiresAt: held.expiresAt });
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
    async pruneDeliveries(before, limit) {
      const old = await deliveries
        .find({ at: { $lt: before } }, { _id: 1 })
        .limit(limit)
        .lean<{ _id: string }[]>();
      if (old.length === 0) return 0;
      const { deletedCount } = await deliveries.deleteMany({ _id: { $in: old.map((d) => d._id) } });
      return deletedCount;
    },
    async deliveries(orgId, endpointId, limit) {
      const docs = await deliveries
        .find({ orgId, endpointId })
        .sort({ _id: -1 })
        .limit(limit)
        .lean<WebhookDeliveryDoc[]>();
      return docs.map(toDelivery);
    },
  };
}
