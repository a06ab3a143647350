export * from './org-schema-definition.ts';
export * from './org-schema-record.ts';
export type {
  NewOrgSchema,
  OrgSchemaChanges,
  OrgSchemaRepository,
  SchemaPurgeRequest,
} from './org-schema-repository.ts';
export { registerOrgSchema } from './register-org-schema.ts';
export type { RegisterOrgSchemaOptions } from './register-org-schema.ts';
export { changeOrgSchema } from './change-org-schema.ts';
export type { ChangeOrgSchemaOptions } from './change-org-schema.ts';
export { retireOrgSchema } from './retire-org-schema.ts';
export type { RetireOrgSchemaOptions } from './retire-org-schema.ts';
export { purgeRequests } from './purge-requests.ts';
export { planAttributeChange } from './plan-attribute-change.ts';
export { keepHiddenValues } from './keep-hidden-values.ts';
export { assertFitsOrg, MAX_KNOWN_ATTRIBUTES } from './org-schema-rules.ts';
