import { readStoredActor } from '@provisio/core/audit';
import type { AuditEvent, AuditRepository } from '@provisio/core/audit';
import { eventIdFloor } from '@provisio/core/events';
import type { Model } from 'mongoose';
import { ignoreDuplicates } from '../errors/is-duplicate-key.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import { deleteOldest } from '../writes/delete-oldest.ts';
import type { AuditEventDoc } from './audit-model.ts';

const toEvent = ({ _id, at, actor, address, ...rest }: AuditEventDoc): AuditEvent => ({
  id: _id,
  at: at.toISOString(),
  actor: readStoredActor(actor),
  address: address ?? null,
  ...rest,
});

export function createAuditRepository(model: Model<AuditEventDoc>, reads: { sql?: SqlReads } = {}): AuditRepository {
  return {
    async insert({ id, at, ...rest }) {
      await model.collection.insertOne({ _id: id, at: new Date(at), ...rest } as never);
    },
    async insertMany(events) {
      if (!events.length) return;
      const docs = events.map(({ id, at, ...rest }) => ({ _id: id, at: new Date(at), ...rest }));
      await model.collection.insertMany(docs as never[], { ordered: false }).catch(ignoreDuplicates);
    },
    async list(orgId, { resourceType, resourceId, actorId, from, to, outcome, before, limit }) {
      const query: Record<string, unknown> = { orgId };
      if (resourceType) query['resourceType'] = resourceType;
      if (resourceId) query['resourceId'] = resourceId;
      if (outcome) query['outcome'] = outcome;
      if (actorId)
        query['$or'] = [
          { 'actor.keyId': actorId },
          { 'actor.ownerId': actorId },
          { 'actor.userId': actorId },
          { 'actor.account': actorId },
        ];
      if (from || to) query['at'] = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
      if (before) query['_id'] = { $lt: before };
      const docs = await model.find(query).sort({ _id: -1 }).limit(limit).lean<AuditEventDoc[]>();
      return docs.map(toEvent);
    },
    deleteBefore(before, limit) {
      // Ids are UUIDv7s of `at`: "older than" is "id below the floor of the cutoff".
      return deleteOldest(model, reads.sql, { idBelow: eventIdFloor(before.getTime()) }, limit);
    },
  };
}
