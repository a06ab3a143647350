import type { UserEvent } from '../events/user-event.ts';

/**
 * The event types an endpoint may subscribe to. They are the user lifecycle events of the
 * event log (`user_events`); groups and memberships have no events in that log yet, so no
 * `group.*` or `membership.*` type is offered until they do.
 */
export const WEBHOOK_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The type a stored user event is delivered as. */
export const webhookEventTypeOf = (event: UserEvent): WebhookEventType => `user.${event.type}`;

/**
 * The delivered JSON: the event id (the receiver's dedupe key: delivery is at least once),
 * its type, when it happened, and the user after the change (null once deleted).
 */
export function webhookEventBody(event: UserEvent): string {
  return JSON.stringify({
    id: event.id,
    type: webhookEventTypeOf(event),
    createdAt: event.at,
    data: { userId: event.userId, version: event.version, user: event.user },
  });
}

/** The body of a test ping: no user data, an id of its own. */
export const webhookPingBody = (id: string, at: Date): string =>
  JSON.stringify({ id, type: 'ping', createdAt: at.toISOString(), data: {} });
