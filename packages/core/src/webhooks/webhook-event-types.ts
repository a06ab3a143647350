/**
 * The event types an endpoint may subscribe to, and the wildcards. No imports: the admin web
 * app imports this file itself (`@provisio/core/webhook-event-types`), so the browser bundle
 * gets the server's list and nothing of the server.
 */

/** What happens to groups and their members, as webhook receivers see it (`group_events`). */
export const GROUP_EVENT_TYPES = [
  'group.created',
  'group.updated',
  'group.deleted',
  'membership.added',
  'membership.removed',
] as const;

/** The user lifecycle events (`user_events`) and the group and membership events. */
export const WEBHOOK_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  ...GROUP_EVENT_TYPES,
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Every type of a family, now and added later: stored as written and matched at delivery. */
export const WEBHOOK_EVENT_WILDCARDS = ['user.*', 'group.*', 'membership.*'] as const;

/** What an endpoint's `events` list may hold: exact types and wildcards. */
export const WEBHOOK_EVENT_FILTERS = [...WEBHOOK_EVENT_TYPES, ...WEBHOOK_EVENT_WILDCARDS] as const;
export type WebhookEventFilter = (typeof WEBHOOK_EVENT_FILTERS)[number];
