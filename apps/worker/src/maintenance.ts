import type { Clock } from '@provisio/core';
import { sweepAuditEvents } from '@provisio/core/audit';
import { BRAKE_WINDOW_MS } from '@provisio/core/brake';
import { recordOpenGroupEvents, recordOpenUserEvents, sweepEvents } from '@provisio/core/events';
import type { InviteDispatcher } from '@provisio/core/invites';
import { sweepInvites } from '@provisio/core/invites';
import { DOCTOR_WINDOW_HOURS } from '@provisio/core/scim-doctor';
import { sweepSessions } from '@provisio/core/sessions';
import type { Db } from '@provisio/db';
import type { Logger } from '@provisio/logger';
import type { PeriodicTask } from './periodic.ts';

export type MaintenanceOptions = {
  db: Db;
  clock: Clock;
  logger: Logger;
  dispatcher: InviteDispatcher;
  inviteSweepIntervalMs: number;
  stuckAfterMs?: number;
  claimTimeoutMs?: number;
  openIntents?: OpenIntentSweep;
};

/** How often abandoned user writes are settled, and how old one must be first. */
export type OpenIntentSweep = { intervalMs: number; graceMs: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Claims only guard transitions in flight; a week-old one guards nothing. */
const CLAIM_RETENTION_MS = 7 * 24 * HOUR;

/** The worker's periodic repairs: what FerretDB's missing TTL indexes and a crashed process leave behind. */
export function maintenanceTasks({ db, clock, logger, dispatcher, ...options }: MaintenanceOptions): PeriodicTask[] {
  const sweepOptions = {
    ...(options.stuckAfterMs ? { stuckAfterMs: options.stuckAfterMs } : {}),
    ...(options.claimTimeoutMs ? { claimTimeoutMs: options.claimTimeoutMs } : {}),
  };
  const onDispatchError = (err: unknown, inviteId: string) => logger.warn({ err, inviteId }, 'sweep could not enqueue');
  return [
    {
      name: 'invite sweep',
      intervalMs: options.inviteSweepIntervalMs,
      run: async () => {
        const result = await sweepInvites({ invites: db.invites, clock, dispatcher, onDispatchError }, sweepOptions);
        return result.dispatched ? result : undefined;
      },
    },
    {
      // 90-day audit retention.
      name: 'audit sweep',
      intervalMs: HOUR,
      run: async () => {
        const deleted = await sweepAuditEvents({ audit: db.audit, clock });
        return deleted ? { deleted } : undefined;
      },
    },
    {
      // Events owed by user writes whose process crashed (or whose database failed) before the event was stored.
      name: 'open user event sweep',
      intervalMs: options.openIntents?.intervalMs ?? MINUTE,
      run: async () => {
        const { userEventIntents: intents, userEvents: events, users, nextEventId: nextId } = db;
        const grace = options.openIntents ? { graceMs: options.openIntents.graceMs } : {};
        const result = await recordOpenUserEvents({ intents, events, users, clock, nextId }, grace);
        return result.recorded || result.dropped ? result : undefined;
      },
    },
    {
      // The same for group and member writes (their events are in group_events).
      name: 'open group event sweep',
      intervalMs: options.openIntents?.intervalMs ?? MINUTE,
      run: async () => {
        const { groupEventIntents: intents, groupEvents: events, groups, membersAmong, nextEventId: nextId } = db;
        const grace = options.openIntents ? { graceMs: options.openIntents.graceMs } : {};
        const result = await recordOpenGroupEvents({ intents, events, groups, membersAmong, clock, nextId }, grace);
        return result.recorded || result.dropped ? result : undefined;
      },
    },
    {
      // 30-day retention of user and group events (resume ids older than that are refused anyway).
      name: 'event sweep',
      intervalMs: HOUR,
      run: async () => {
        const deleted =
          (await sweepEvents({ events: db.userEvents, clock })) +
          (await sweepEvents({ events: db.groupEvents, clock }));
        return deleted ? { deleted } : undefined;
      },
    },
    {
      // Expired admin sessions (past their idle or absolute end); lookups already refuse them.
      name: 'session sweep',
      intervalMs: HOUR,
      run: async () => {
        const deleted = await sweepSessions({ sessions: db.sessions, clock });
        return deleted ? { deleted } : undefined;
      },
    },
    {
      // SAML request ids and remembered assertion ids past their end (the ACS refuses them anyway; no TTL index on FerretDB).
      name: 'saml id sweep',
      intervalMs: HOUR,
      run: async () => {
        const deleted = await db.sso.sweep(clock.now());
        return deleted ? { deleted } : undefined;
      },
    },
    {
      // Users stored by older code get the keys this version's lookups and search read; a marker read once done.
      name: 'user keys backfill',
      intervalMs: 10 * MINUTE,
      run: async () => {
        const result = await db.backfillUserKeys(clock.now());
        return result?.updated || result?.done ? result : undefined;
      },
    },
    {
      // Extension values an admin deleted with their attribute (`deleteData`), a minute after the change.
      name: 'extension data purge',
      intervalMs: MINUTE / 2,
      run: () => db.runSchemaPurges(clock.now()),
    },
    {
      // The brake counts within its window only; older marks count nothing.
      name: 'brake mark prune',
      intervalMs: HOUR,
      run: async () => {
        const deleted = await db.brakes.pruneMarks(new Date(clock.now().getTime() - BRAKE_WINDOW_MS));
        return deleted ? { deleted } : undefined;
      },
    },
    {
      // The SCIM doctor reads 24 hours of buckets; older ones are deleted here (no TTL index on FerretDB).
      name: 'scim doctor bucket sweep',
      intervalMs: HOUR,
      run: async () => {
        const deleted = await db.scimTraffic.sweep(new Date(clock.now().getTime() - (DOCTOR_WINDOW_HOURS + 1) * HOUR));
        return deleted ? { deleted } : undefined;
      },
    },
    {
      name: 'claim prune',
      intervalMs: HOUR,
      run: async () => {
        const deleted = await db.claims.prune(new Date(clock.now().getTime() - CLAIM_RETENTION_MS));
        return deleted ? { deleted } : undefined;
      },
    },
  ];
}
