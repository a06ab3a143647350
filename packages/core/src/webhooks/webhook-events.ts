import type { WebhookEventFilter, WebhookEventType } from './webhook-event-types.ts';
import type { GroupEvent } from '../events/group-event.ts';
import type { UserEvent } from '../events/user-event.ts';

/** Whether an endpoint subscribed with `filters` gets events of `type`. */
export const subscribesTo = (filters: readonly WebhookEventFilter[], type: WebhookEventType): boolean =>
  filters.some((filter) => filter === type || (filter.endsWith('.*') && type.startsWith(filter.slice(0, -1))));

/** An event as delivered: the id (the receiver's dedupe key: delivery is at least once), type, time, data. */
export type WebhookEvent = {
  id: string;
  orgId: string;
  type: WebhookEventType;
  createdAt: string;
  data: Record<string, unknown>;
};

/** A user event: the user after the change (null once deleted). */
export const webhookEventOfUser = (event: UserEvent): WebhookEvent => ({
  id: event.id,
  orgId: event.orgId,
  type: `user.${event.type}`,
  createdAt: event.at,
  data: { userId: event.userId, version: event.version, user: event.user },
});

/** A group event: the group after the change without its members (null once deleted); a membership event: who joined or left. */
export const webhookEventOfGroup = (event: GroupEvent): WebhookEvent => ({
  id: event.id,
  orgId: event.orgId,
  type: event.type,
  createdAt: event.at,
  data: event.type.startsWith('membership.')
    ? { groupId: event.groupId, userId: event.userId }
    : { groupId: event.groupId, version: event.version, group: event.group },
});

/** The delivered JSON: `{ id, type, createdAt, data }`. */
export const webhookEventBody = ({ id, type, createdAt, data }: WebhookEvent): string =>
  JSON.stringify({ id, type, createdAt, data });

/** The body of a test ping: no user data, an id of its own. */
export const webhookPingBody = (id: string, at: Date): string =>
  JSON.stringify({ id, type: 'ping', createdAt: at.toISOString(), data: {} });
