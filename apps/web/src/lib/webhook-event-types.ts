/**
 * What the webhooks page offers to subscribe to. The API owns the list (`WEBHOOK_EVENT_FILTERS`
 * in @provisio/core, which the browser cannot import): webhook-event-types.types.test.ts fails
 * the typecheck as soon as this copy and `webhooks.create`'s input differ.
 */

/** A wildcard takes every type of its family, later ones too; the single types are for a narrower choice. */
export const EVENT_WILDCARDS = ['user.*', 'group.*', 'membership.*'] as const;
export const EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'group.created',
  'group.updated',
  'group.deleted',
  'membership.added',
  'membership.removed',
] as const;
