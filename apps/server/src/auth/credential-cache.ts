import { DEFAULT_BRAKE_SETTINGS } from '@provisio/core/brake';
import { parseKeyToken } from '@provisio/core/keys';
import type { Db } from '@provisio/db';
import type { Logger } from '@provisio/logger';
import type { Redis } from 'ioredis';

/** Every replica subscribes here; a message is the id of an org whose credentials changed. */
export const CREDENTIAL_CHANGES_CHANNEL = 'provisio:credential-changes';
const DEFAULT_TTL_MS = 1_000;
const MAX_ENTRIES = 10_000;

type Entry = { value: unknown; at: number };
type CachedDb = Pick<Db, 'keys' | 'orgs' | 'roles' | 'brakes' | 'orgSchemas'>;

/**
 * A per-process cache of the reads every request makes (a key by id, its org, its extension
 * schemas, and for user writes the org's group → role mappings, org roles and brake settings), at
 * most `ttlMs` old, dropped for an org the moment any replica changes what they decide: a key
 * revoked (by an admin, or with its owner deprovisioned or demoted), the org's plan or settings,
 * a schema, a mapping, an org role, the brake's settings. The writer drops its own entries, then publishes the org id on Redis; every
 * replica's subscriber drops that org's entries. Entries are served only while the
 * subscriber is subscribed: a lost connection (a message possibly missed) drops the whole
 * cache until it has subscribed again. A read that overlapped an invalidation is not kept.
 */
export function createCredentialCache({
  redis,
  logger,
  ttlMs = DEFAULT_TTL_MS,
}: {
  redis: Redis;
  logger: Logger;
  ttlMs?: number;
}) {
  const byOrg = new Map<string, Map<string, Entry>>();
  const orgOfKey = new Map<string, string>();
  let size = 0;
  let live = false;
  /** Bumped by every invalidation and every reset: a load that saw it move is not stored. */
  let changes = 0;
  /** The load in flight for each slot, and the `changes` it started at. */
  const loading = new Map<string, { since: number; value: Promise<unknown> }>();

  const dropAll = () => {
    byOrg.clear();
    size = 0;
    changes++;
  };
  const drop = (orgId: string) => {
    size -= byOrg.get(orgId)?.size ?? 0;
    byOrg.delete(orgId);
    changes++;
  };

  const subscriber = redis.duplicate({ enableOfflineQueue: true, autoResubscribe: false, lazyConnect: true });
  subscriber.on('message', (_channel: string, orgId: string) => drop(orgId));
  subscriber.on('ready', () => {
    subscriber.subscribe(CREDENTIAL_CHANGES_CHANNEL).then(
      () => {
        dropAll();
        live = true;
      },
      (err: unknown) => logger.warn({ err }, 'credential cache: subscribe failed; reading credentials uncached'),
    );
  });
  for (const event of ['close', 'reconnecting', 'end'] as const) {
    subscriber.on(event, () => {
      live = false;
      dropAll();
    });
  }
  subscriber.on('error', () => undefined);
  subscriber.connect().catch(() => undefined);
  // The subscriber lives as long as the connection it was made from.
  redis.once('end', () => subscriber.disconnect());

  function store(orgId: string, slot: string, value: unknown) {
    if (size >= MAX_ENTRIES) dropAll();
    let entries = byOrg.get(orgId);
    if (!entries) byOrg.set(orgId, (entries = new Map<string, Entry>()));
    if (!entries.has(slot)) size++;
    entries.set(slot, { value, at: performance.now() });
  }

  const fresh = (orgId: string | undefined, slot: string) => {
    const hit = live && orgId !== undefined ? byOrg.get(orgId)?.get(slot) : undefined;
    return hit && performance.now() - hit.at < ttlMs ? hit : undefined;
  };

  /**
   * Reads through the cache; stores a found value unless an invalidation overlapped the read.
   * Concurrent misses of a slot share one load (without this, every request in flight when an
   * entry expires read it again: 8 to 24 extra finds a second at concurrency 8), but only while
   * nothing was invalidated since it started: a read after a revocation never takes an older answer.
   */
  async function read<T>(
    orgIdBefore: string | undefined,
    slot: string,
    load: () => Promise<T | null>,
    orgIdOf: (value: T) => string,
  ): Promise<T | null> {
    const hit = fresh(orgIdBefore, slot);
    if (hit) return hit.value as T;
    const pending = loading.get(slot);
    if (pending && pending.since === changes) return pending.value as Promise<T | null>;
    const since = changes;
    const wasLive = live;
    const value = load().then((found) => {
      if (found !== null && wasLive && live && changes === since) store(orgIdOf(found), slot, found);
      return found;
    });
    const entry = { since, value };
    loading.set(slot, entry);
    try {
      return await value;
    } finally {
      if (loading.get(slot) === entry) loading.delete(slot);
    }
  }
  /** A read keyed by the org alone, in the org's slot `name`. */
  const perOrg =
    <T>(name: string, load: (orgId: string) => Promise<T | null>) =>
    (orgId: string) =>
      read(
        orgId,
        `${name}:${orgId}`,
        () => load(orgId),
        () => orgId,
      );

  /** After a write that may take rights away: drop here at once, then tell every replica. */
  async function changed(orgId: string) {
    drop(orgId);
    await redis
      .publish(CREDENTIAL_CHANGES_CHANNEL, orgId)
      .catch((err: unknown) =>
        logger.warn({ err, orgId }, 'credential cache: could not publish a change; other replicas see it within 1 s'),
      );
  }
  /** A write whose first argument is the org id; published unless its result says it changed nothing (a failure may have). */
  const publishing =
    <A extends [string, ...unknown[]], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      let result: R;
      try {
        result = await write(...args);
      } catch (error) {
        await changed(args[0]);
        throw error;
      }
      const nothing = result === null || (Array.isArray(result) && result.length === 0);
      if (!nothing) await changed(args[0]);
      return result;
    };

  return {
    /** `db` with the key and org reads of authentication cached, and the writes that change them published. */
    wrap<D extends CachedDb>(db: D): D {
      const { keys, orgs, roles, brakes, orgSchemas } = db;
      const mappings = perOrg('group-maps', (orgId) => roles.listMappings(orgId));
      const orgRoles = perOrg('org-roles', (orgId) => roles.listRoles(orgId));
      const brakeSettings = perOrg('brake-settings', (orgId) => brakes.settings(orgId));
      const schemas = perOrg('schemas', (orgId) => orgSchemas.list(orgId, { includeRetired: true }));
      return {
        ...db,
        keys: {
          ...keys,
          findForAuth: (keyId: string) =>
            read(
              orgOfKey.get(keyId),
              `key:${keyId}`,
              async () => {
                const found = await keys.findForAuth(keyId);
                if (found) orgOfKey.set(keyId, found.key.orgId);
                return found;
              },
              (found) => found.key.orgId,
            ),
          revoke: publishing((...args: Parameters<typeof keys.revoke>) => keys.revoke(...args)),
          revokeByOwner: publishing((...args: Parameters<typeof keys.revokeByOwner>) => keys.revokeByOwner(...args)),
        },
        orgs: {
          ...orgs,
          findById: perOrg('org', (orgId) => orgs.findById(orgId)),
          setPlan: publishing((...args: Parameters<typeof orgs.setPlan>) => orgs.setPlan(...args)),
          updateSettings: publishing((...args: Parameters<typeof orgs.updateSettings>) => orgs.updateSettings(...args)),
        },
        // `mappingOf` stays a read: a membership change asks it after writing its rows, so that
        // it and a mapping made meanwhile (which recomputes the members it reads) never both miss one.
        roles: {
          ...roles,
          listMappings: (orgId: string) => mappings(orgId).then((maps) => maps ?? []),
          listRoles: (orgId: string) => orgRoles(orgId).then((found) => found ?? []),
          setMapping: publishing((...args: Parameters<typeof roles.setMapping>) => roles.setMapping(...args)),
          deleteMapping: publishing((...args: Parameters<typeof roles.deleteMapping>) => roles.deleteMapping(...args)),
          insertRole: publishing((...args: Parameters<typeof roles.insertRole>) => roles.insertRole(...args)),
          updateRole: publishing((...args: Parameters<typeof roles.updateRole>) => roles.updateRole(...args)),
          deleteRole: publishing((...args: Parameters<typeof roles.deleteRole>) => roles.deleteRole(...args)),
        },
        // Only the settings: the brake's state and marks stay exact reads (admitDeprovision counts on them).
        brakes: {
          ...brakes,
          settings: (orgId: string) => brakeSettings(orgId).then((found) => found ?? { ...DEFAULT_BRAKE_SETTINGS }),
          saveSettings: publishing((...args: Parameters<typeof brakes.saveSettings>) => brakes.saveSettings(...args)),
        },
        // The org registry (SCIM schemas, filters, projections) of every user request reads them all.
        orgSchemas: {
          ...orgSchemas,
          list: async (orgId: string, options?: { includeRetired?: boolean }) => {
            const all = (await schemas(orgId)) ?? [];
            return options?.includeRetired ? all : all.filter((schema) => schema.status === 'active');
          },
          insert: async (schema: Parameters<typeof orgSchemas.insert>[0]) => {
            try {
              return await orgSchemas.insert(schema);
            } finally {
              await changed(schema.orgId);
            }
          },
          update: publishing((...args: Parameters<typeof orgSchemas.update>) => orgSchemas.update(...args)),
        },
      };
    },
    /** Whether the key `token` names is served from here now: authenticating it reads no database. */
    holdsKeyOf(token: string): boolean {
      const keyId = parseKeyToken(token)?.keyId;
      return keyId !== undefined && fresh(orgOfKey.get(keyId), `key:${keyId}`) !== undefined;
    },
    /** Whether entries are served (the subscriber is subscribed). */
    get live() {
      return live;
    },
    close: () => subscriber.disconnect(),
  };
}

export type CredentialCache = ReturnType<typeof createCredentialCache>;
