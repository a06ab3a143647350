import { readStoredActor } from '@provisio/core/audit';
import type { AuditEvent, AuditRepository } from '@provisio/core/audit';
import { eventIdFloor } from '@provisio/core/events';
import type { Model } from 'mongoose';
import { ignoreDuplicates } from '../errors/is-duplicate-key.ts';
import { docsByIds } from '../ferretdb/docs-by-ids.ts';
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

/** Where an actor's id may sit in a stored event: its key, the key's owner, a signed-in user, a platform account. */
const ACTOR_PATHS = ['actor.keyId', 'actor.ownerId', 'actor.userId', 'actor.account'] as const;

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
      // Ids are UUIDv7s of `at`: a time range is an id range, which the (orgId, _id) order serves.
      const idsFrom = from ? eventIdFloor(from.getTime()) : undefined;
      const idsBelow = [before, to ? eventIdFloor(to.getTime()) : undefined].filter((id) => id !== undefined).sort()[0];
      const equals = {
        orgId,
        ...(resourceType ? { resourceType } : {}),
        ...(resourceId ? { resourceId } : {}),
        ...(outcome ? { outcome } : {}),
      };
      // FerretDB + PostgreSQL: the order, the range, the actor and the limit in SQL (FerretDB
      // would read the org's whole ledger to sort it, and pushes no nested path down).
      const sql = reads.sql;
      const ids = await sql?.pageIds({
        collection: model.collection.collectionName,
        equals,
        sort: { _id: -1 },
        offset: 0,
        limit,
        idsBetween: { from: idsFrom, before: idsBelow },
        ...(actorId ? { anyPathEquals: { paths: ACTOR_PATHS, value: actorId } } : {}),
      });
      if (sql && ids) return (await docsByIds(model, orgId, ids, sql)).map(toEvent);
      const query: Record<string, unknown> = { ...equals };
      if (actorId) query['$or'] = ACTOR_PATHS.map((path) => ({ [path]: actorId }));
      if (idsFrom || idsBelow)
        query['_id'] = { ...(idsFrom ? { $gte: idsFrom } : {}), ...(idsBelow ? { $lt: idsBelow } : {}) };
      const docs = await model.find(query).sort({ _id: -1 }).limit(limit).lean<AuditEventDoc[]>();
      return docs.map(toEvent);
    },
    deleteBefore(before, limit) {
      // Ids are UUIDv7s of `at`: "older than" is "id below the floor of the cutoff".
      return deleteOldest(model, reads.sql, { idBelow: eventIdFloor(before.getTime()) }, limit);
    },
  };
}
