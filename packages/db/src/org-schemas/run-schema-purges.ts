import type { Model } from 'mongoose';
import type { Claims } from '../claims/claims.ts';
import type { SqlReads } from '../ferretdb/sql-reads.ts';
import type { UserDoc } from '../users/user-model.ts';
import type { OrgSchemaDoc } from './org-schema-model.ts';
import type { SchemaPurgeDoc } from './schema-purge-model.ts';
import { purgeUserValues } from './purge-user-values.ts';
import type { VersionClaims } from '../versioning/claim-version.ts';

/**
 * A purge starts this long after the schema change that asked for it: every server replica's
 * 1 s cache of the org's schemas has expired by then, so no replica still writes the attribute.
 */
export const PURGE_DELAY_MS = 60_000;
/** Users read per page: a page costs the same whatever the org's size. */
const PAGE_SIZE = 200;
const PARALLEL = 8;
/** A page's claim older than this belongs to a worker presumed crashed: another may redo that page. */
const PAGE_CLAIM_STALE_MS = 5 * 60_000;
/** A request whose schema change never happened (the admin's change failed after recording it) is dropped after this. */
const UNCONFIRMED_AFTER_MS = 10 * 60_000;

export type SchemaPurgeOptions = {
  delayMs?: number;
  /** Pages one run does before leaving the rest to the next run (bounds a run's length). */
  maxPages?: number;
  pageSize?: number;
};
type Deps = {
  models: { users: Model<UserDoc>; orgSchemas: Model<OrgSchemaDoc>; schemaPurges: Model<SchemaPurgeDoc> };
  vc: VersionClaims;
  reads: { sql?: SqlReads };
};

/** The ids of the org's users after `after`, in `_id` order: a btree range (SQL) or `(orgId, _id)` index read. */
async function userIdsAfter(deps: Deps, orgId: string, after: string | undefined, limit: number): Promise<string[]> {
  const { users } = deps.models;
  const rows = await deps.reads.sql?.keysetRows({
    collection: users.collection.collectionName,
    equals: { orgId },
    sort: { _id: 1 },
    limit,
    ...(after !== undefined ? { after: { id: after } } : {}),
  });
  if (rows) return rows.map((r) => r.id);
  const docs = await users
    .find(after !== undefined ? { orgId, _id: { $gt: after } } : { orgId }, { _id: 1 })
    .sort({ _id: 1 })
    .limit(limit)
    .lean<Array<Pick<UserDoc, '_id'>>>();
  return docs.map((d) => d._id);
}

/** Whether the purge may run now, may run later, or asks for what never happened (to drop). */
function readiness(purge: SchemaPurgeDoc, schema: OrgSchemaDoc | null, now: Date, delayMs: number) {
  const lower = purge.attribute.toLowerCase();
  if (schema?.purgedAttributeNames.some((n) => n.toLowerCase() === lower))
    return now.getTime() - schema.updatedAt.getTime() >= delayMs ? 'run' : 'wait';
  return !schema || now.getTime() - purge.requestedAt.getTime() >= UNCONFIRMED_AFTER_MS ? 'drop' : 'wait';
}

type Budget = { left: number; size: number };

/** Walks one purge's org from where it stands; `done` once every user was done (the request is then gone). */
async function walk(deps: Deps, claims: Claims, purge: SchemaPurgeDoc, now: Date, pages: Budget) {
  const { size } = pages;
  let after = purge.after;
  let purged = 0;
  while (pages.left > 0) {
    // One worker per page: a second one (or a replica that read the same position) stops here.
    const key = `schema-purge:${purge._id}:${after ?? ''}`;
    if (!(await claims.take(key, { now, staleAfterMs: PAGE_CLAIM_STALE_MS }))) return { purged, done: false };
    pages.left -= 1;
    const ids = await userIdsAfter(deps, purge.orgId, after, size);
    for (let i = 0; i < ids.length; i += PARALLEL)
      for (const n of await Promise.all(
        ids.slice(i, i + PARALLEL).map((id) => purgeUserValues(deps, { ...purge, userId: id }, now)),
      ))
        purged += n;
    if (ids.length < size) {
      await deps.models.schemaPurges.deleteOne({ _id: purge._id });
      return { purged, done: true };
    }
    after = ids.at(-1);
    await deps.models.schemaPurges.updateOne({ _id: purge._id }, { $set: { after } });
  }
  return { purged, done: false };
}

/**
 * Deletes the stored values of attributes an admin removed with `deleteData`, from the
 * worker's periodic runner. Each pending purge waits PURGE_DELAY_MS after its schema change,
 * then walks the org's users in `_id` keyset pages (never one big query), unsetting the
 * attribute and recomputing the derived keys of each user that holds it, at that user's
 * version (a conditional update). Progress is saved after each page and every step is
 * idempotent, so a crashed run resumes; a claim per page keeps two workers off the same page.
 */
export async function runSchemaPurges(
  deps: Deps,
  now: Date,
  { delayMs = PURGE_DELAY_MS, maxPages = 50, pageSize = PAGE_SIZE }: SchemaPurgeOptions = {},
): Promise<{ purged: number; done: number } | undefined> {
  const pending = await deps.models.schemaPurges.find({}).sort({ requestedAt: 1 }).limit(100).lean<SchemaPurgeDoc[]>();
  const pages: Budget = { left: maxPages, size: pageSize };
  let purged = 0;
  let done = 0;
  for (const purge of pending) {
    if (pages.left <= 0) break;
    const schema = await deps.models.orgSchemas
      .findOne({ _id: purge.schemaId, orgId: purge.orgId })
      .lean<OrgSchemaDoc>();
    const ready = readiness(purge, schema, now, delayMs);
    if (ready === 'drop') await deps.models.schemaPurges.deleteOne({ _id: purge._id });
    if (ready !== 'run') continue;
    const result = await walk(deps, deps.vc.claims, purge, now, pages);
    purged += result.purged;
    if (result.done) done += 1;
  }
  return purged || done ? { purged, done } : undefined;
}
