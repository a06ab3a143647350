import { webhookEventLog } from '@provisio/core/webhooks';
import mongoose from 'mongoose';
import type { Connection, Model } from 'mongoose';
import { registerClaimModel } from './claims/claim-model.ts';
import { createDeleteBatch } from './writes/delete-batch.ts';
import { createClaims } from './claims/claims.ts';
import { createValueLocks } from './claims/value-locks.ts';
import { registerInviteModel } from './invites/invite-model.ts';
import { createInviteRepository } from './invites/invite-repository.ts';
import { createInviteUsers } from './invites/invite-users.ts';
import { createInviteOrgLookup } from './orgs/invite-org-lookup.ts';
import { registerGroupMemberModel } from './groups/group-member-model.ts';
import { registerGroupModel } from './groups/group-model.ts';
import { createGroupRepository } from './groups/group-repository.ts';
import { membersAmong } from './groups/member-lookups.ts';
import { registerOrgModel } from './orgs/org-model.ts';
import { registerOrgSchemaModel } from './org-schemas/org-schema-model.ts';
import { createOrgSchemaRepository } from './org-schemas/org-schema-repository.ts';
import { registerSchemaPurgeModel } from './org-schemas/schema-purge-model.ts';
import { runSchemaPurges } from './org-schemas/run-schema-purges.ts';
import type { SchemaPurgeOptions } from './org-schemas/run-schema-purges.ts';
import { registerUserModel } from './users/user-model.ts';
import { createAccessRepositories, registerAccessModels } from './keys/access-stores.ts';
import { createUserRepository } from './users/user-repository.ts';
import { createEventStores, registerEventModels } from './events/index.ts';
import type { EventStoreOptions } from './events/index.ts';
import { createSessionStores, registerSessionModels } from './sessions/index.ts';
import { registerSsoModels } from './sso/sso-models.ts';
import { createSsoRepository } from './sso/sso-repository.ts';
import { runIndexCompanion } from './ferretdb/index-companion.ts';
import type { Engine } from './ferretdb/companion-plan.ts';
import type { SqlReads } from './ferretdb/sql-reads.ts';
import { backfillUserKeys } from './migrations/backfill-user-keys.ts';
import { registerMigrationModel } from './migrations/migration-model.ts';
import { registerBrakeModels } from './brake/brake-models.ts';
import { createBrakeRepository } from './brake/brake-repository.ts';
import { registerScimTrafficModel } from './scim-doctor/traffic-model.ts';
import { createScimTrafficStore } from './scim-doctor/traffic-store.ts';
import { registerRoleModels } from './roles/role-models.ts';
import { createRoleRepository } from './roles/role-repository.ts';
import { registerWebhookModels } from './webhooks/webhook-models.ts';
import { createWebhookRepository } from './webhooks/webhook-repository.ts';
import { dropRetiredIndexes } from './retired-indexes.ts';
import { ensurePartialIndexes } from './partial-indexes.ts';

export type CreateDbOptions = {
  uri: string;
  /** Overrides the database named in the URI (tests use one database per file). */
  dbName?: string;
  /** How long an operation waits for a reachable server before failing. */
  serverSelectionTimeoutMS?: number;
  /** A user write whose event could not be stored yet (the intent sweep will record it): for the process logger. */
  onDeferredEvent?: EventStoreOptions['onDeferredEvent'];
  /** PostgreSQL behind a local FerretDB (`FERRETDB_POSTGRES_URL`): turns the index companion on. */
  ferretdbPostgresUrl?: string;
  /** The companion's one warning when it has to stay off (for the process logger). */
  onWarning?: (message: string, err?: unknown) => void;
  /** The driver's `commandStarted`/`commandSucceeded` events, for tests that look at the commands sent. Off by default: it decodes every reply twice. */
  monitorCommands?: boolean;
};

/**
 * One connection and the repositories over its models. No module-level connection: every
 * process and test creates its own, and closes it. The raw models stay inside this package
 * (and its test helpers): every other reader and writer goes through a repository.
 */
export async function createDb(options: CreateDbOptions) {
  return (await openDb(options)).db;
}

/** The repositories and the raw models under them (for `createTestDb`: tests and seeding check storage itself). */
export async function openDb({
  uri,
  dbName,
  serverSelectionTimeoutMS = 5_000,
  onDeferredEvent,
  ferretdbPostgresUrl,
  onWarning,
  monitorCommands = false,
}: CreateDbOptions) {
  const connection: Connection = mongoose.createConnection(uri, {
    ...(dbName ? { dbName } : {}),
    serverSelectionTimeoutMS,
    // Indexes are created explicitly by `syncIndexes` so a start never races a build.
    autoIndex: false,
    autoCreate: false,
    // Off in the servers: it makes the driver decode every reply a second time for its event (2–5 %
    // of a request's CPU); they count round trips by connection checkouts instead (round-trips.ts).
    monitorCommands,
  });
  await connection.asPromise();
  const models = {
    orgs: registerOrgModel(connection),
    orgSchemas: registerOrgSchemaModel(connection),
    schemaPurges: registerSchemaPurgeModel(connection),
    invites: registerInviteModel(connection),
    claims: registerClaimModel(connection),
    users: registerUserModel(connection),
    migrations: registerMigrationModel(connection),
    groups: registerGroupModel(connection),
    groupMembers: registerGroupMemberModel(connection),
    ...registerAccessModels(connection),
    ...registerEventModels(connection),
    ...registerSessionModels(connection),
    ...registerSsoModels(connection),
    ...registerBrakeModels(connection),
    scimTraffic: registerScimTrafficModel(connection),
    ...registerRoleModels(connection),
    ...registerWebhookModels(connection),
  };

  // Filled by `syncIndexes` when the companion is on: the SQL form of ordered pages.
  const reads: { sql?: SqlReads } = {};
  let engine: Engine | undefined;
  const sqlQueryListeners = new Set<() => void>();
  const versionClaims = {
    claims: createClaims(models.claims, reads),
    model: models.claims,
    superseded: createDeleteBatch(models.claims.collection),
  };
  // Every user and group write records its events, whichever path made it.
  const events = createEventStores(
    models,
    {
      users: createUserRepository(models, versionClaims, reads),
      groups: createGroupRepository(models, versionClaims, reads),
    },
    onDeferredEvent ? { onDeferredEvent } : {},
    reads,
  );
  const { users, userEvents, groupEvents, onEventStored, userEventIntents, groupEventIntents, nextEventId } = events;

  const db = {
    connection,
    /** Implements core's UserRepository (org-scoped). */
    users,
    /** User lifecycle events (core UserEventStore), written by `users`. */
    userEvents,
    /** Group and membership events (core GroupEventStore), written by `groups`. */
    groupEvents,
    /** Both logs read as one, in id order: what webhooks deliver from. */
    webhookEvents: webhookEventLog(userEvents, groupEvents),
    /** Calls `listener` after each stored user or group event (not awaited; it must not throw); returns the unsubscribe. */
    onEventStored,
    /** Open user-event intents (core UserEventIntentStore), settled by the worker's sweep. */
    userEventIntents,
    /** Open group-event intents (core GroupEventIntentStore), settled by the worker's sweep. */
    groupEventIntents,
    /** Which of some users are members of a group now (the group intent sweep's check). */
    membersAmong: (orgId: string, groupId: string, userIds: string[]) =>
      membersAmong(models.groupMembers, orgId, groupId, userIds),
    /** Time-ordered event ids, strictly increasing within this process. */
    nextEventId,
    /** Implements core's GroupRepository (org-scoped); every write records its group and membership events. */
    groups: events.groups,
    /** Invites and what they read of users and orgs (core invite ports). */
    invites: createInviteRepository(models.invites, versionClaims, reads),
    inviteUsers: createInviteUsers(users),
    inviteOrgs: createInviteOrgLookup(models.orgs),
    /** The orgs' extension schemas (core OrgSchemaRepository, org-scoped). */
    orgSchemas: createOrgSchemaRepository(models.orgSchemas, models.schemaPurges, versionClaims),
    /** Once-only claims, and their pruning by the sweeper. */
    claims: versionClaims.claims,
    /** Short locks on values (unique extension values) while a request checks and writes them. */
    valueLocks: createValueLocks(versionClaims),
    /** What every repository's revisions are claimed through (tests build repositories with it). */
    versionClaims,
    /** orgs, keys, serviceAccounts, audit (core ports) and orgAdmins. */
    ...createAccessRepositories(models, versionClaims, reads),
    /** The mass-deprovision brake's shared state (core BrakeRepository). */
    brakes: createBrakeRepository(models, versionClaims.claims, reads),
    /** The SCIM doctor's hourly request counts per key (core ScimTrafficStore). */
    scimTraffic: createScimTrafficStore(models.scimTraffic),
    /** Org-defined roles and group → role mappings (core RoleRepository). */
    roles: createRoleRepository(models, reads),
    /** Webhook endpoints, their delivery leases and the delivery log (core WebhookRepository). */
    webhooks: createWebhookRepository(models, reads),
    /** sessions and signInDirectory (core session ports, admin web app). */
    ...createSessionStores(models, reads),
    /** SAML connections, their email domains, issued request ids and the replay cache (core SsoRepository). */
    sso: createSsoRepository(models, versionClaims),
    /**
     * Users' derived keys brought to the current code (migrations/backfill-user-keys.ts): the
     * worker runs it periodically; a no-op read of its marker once done.
     */
    backfillUserKeys: (now: Date) => backfillUserKeys(models, versionClaims, now),
    /**
     * Deletes the stored values of attributes an admin removed with `deleteData`
     * (org-schemas/run-schema-purges.ts): the worker runs it periodically.
     */
    runSchemaPurges: (now: Date, options?: SchemaPurgeOptions) =>
      runSchemaPurges({ models, vc: versionClaims, reads }, now, options),
    /**
     * Creates every index the models declare, drops the retired ones (retired-indexes.ts) and
     * runs the FerretDB index companion (a no-op on MongoDB), which drops its own indexes of
     * fields no longer declared; idempotent. No data migration runs here: a start never scans a
     * collection.
     */
    async syncIndexes(): Promise<void> {
      for (const model of Object.values(models)) await model.createIndexes();
      await dropRetiredIndexes(connection);
      const previous = reads.sql;
      const companion = await runIndexCompanion({
        connection,
        models: Object.values(models) as unknown as Model<never>[],
        postgresUrl: ferretdbPostgresUrl,
        warn: onWarning ?? (() => undefined),
        onSqlQuery: () => {
          for (const listener of sqlQueryListeners) listener();
        },
      });
      engine = companion.engine;
      await ensurePartialIndexes((name) => connection.collection(name), engine, onWarning ?? (() => undefined));
      reads.sql = companion.sql;
      await previous?.close();
    },
    /** What `syncIndexes` found the server to be (undefined before it ran). */
    engine: () => engine,
    /** Calls `listener` as each SQL read (the companion's) is sent, in its caller's async context; returns the unsubscribe. */
    onSqlQuery(listener: () => void): () => void {
      sqlQueryListeners.add(listener);
      return () => sqlQueryListeners.delete(listener);
    },
    /** Round-trips to the server; rejects within `timeoutMs` when it is unreachable. */
    async ping(timeoutMs = 1_000): Promise<void> {
      const db = connection.db;
      if (!db) throw new Error('database connection is not open');
      await db.command({ ping: 1 }, { timeoutMS: timeoutMs });
    },
    /** Sends the batched deletes that are waiting (intent closes, superseded claims); `close` does too. */
    flushWrites: () =>
      Promise.all([events.flushIntentCloses(), versionClaims.superseded.flush()]).then(() => undefined),
    async close() {
      await Promise.all([events.flushIntentCloses(), versionClaims.superseded.flush()]);
      await reads.sql?.close();
      await connection.close();
    },
  };
  return { db, models };
}

export type Db = Awaited<ReturnType<typeof createDb>>;
/** The mongoose models under the repositories: for this package and its test helpers only. */
export type DbModels = Awaited<ReturnType<typeof openDb>>['models'];
