/**
 * The zod schemas of the public shapes, for tools that validate what they store or pass on.
 * They come from @provisio/core (which depends on zod alone) and are bundled into the build.
 */
export {
  UserAttributesSchema,
  UserRecordSchema,
  UserListItemSchema,
  UserListFiltersSchema,
  USER_STATUSES,
  USER_ROLES,
  USER_SOURCES,
} from '@provisio/core';
export { GroupRecordSchema, GroupAttributesSchema, GroupMemberSchema } from '@provisio/core';
export { APP_ERROR_CODES, SCOPES } from '@provisio/core';
export { InviteStatusSchema } from '@provisio/core/invites';
export { KeyRecordSchema } from '@provisio/core/keys';
export { AuditEventSchema } from '@provisio/core/audit';
export { OrgRecordSchema, OrgSettingsSchema } from '@provisio/core/orgs';
export { ServiceAccountRecordSchema } from '@provisio/core/service-accounts';
export { UserEventSchema, USER_EVENT_TYPES } from '@provisio/core/events';
export type {
  UserRecord,
  UserAttributes,
  UserListItem,
  UserListFilters,
  GroupRecord,
  AppErrorCode,
} from '@provisio/core';
export type { UserEvent, UserEventType } from '@provisio/core/events';
