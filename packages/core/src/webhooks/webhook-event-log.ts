import type { Clock } from '../clock.ts';
import type { GroupEventStore } from '../events/group-event-store.ts';
import { READ_BATCH, userEventHead } from '../events/resume-point.ts';
import type { UserEventStore } from '../events/user-event-store.ts';
import { webhookEventOfGroup, webhookEventOfUser } from './webhook-events.ts';
import type { WebhookEvent } from './webhook-events.ts';

/** What webhooks deliver from: the org's events of both logs in one id order. */
export type WebhookEventLog = {
  listBetween(orgId: string, range: { after: string; before: string; limit: number }): Promise<WebhookEvent[]>;
};

/**
 * The user log and the group log read as one: both are read after the same id and merged by
 * id (both are time-ordered UUIDv7s from the same generators), keeping the first `limit`. That
 * skips nothing: when one read came back full, its `limit` events all sort before any event past
 * its last id, so no event of the other log beyond that point can be among the first `limit`.
 */
export function webhookEventLog(
  users: Pick<UserEventStore, 'listBetween'>,
  groups: Pick<GroupEventStore, 'listBetween'>,
): WebhookEventLog {
  return {
    async listBetween(orgId, range) {
      const [userEvents, groupEvents] = await Promise.all([
        users.listBetween(orgId, range),
        groups.listBetween(orgId, range),
      ]);
      return [...userEvents.map(webhookEventOfUser), ...groupEvents.map(webhookEventOfGroup)]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, range.limit);
    },
  };
}

/** The org's settled events of both logs after `after`, oldest first (the same settle window as every reader). */
export async function readSettledWebhookEvents(
  deps: { events: WebhookEventLog; clock: Clock },
  orgId: string,
  after: string,
): Promise<WebhookEvent[]> {
  const before = userEventHead(deps.clock);
  return before > after ? deps.events.listBetween(orgId, { after, before, limit: READ_BATCH }) : [];
}
