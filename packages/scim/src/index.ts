/** @provisio/scim — the pure SCIM 2.0 layer. Everything the HTTP adapter and storage import. */

// Errors
export { ScimError, SCIM_TYPES_BY_STATUS } from './errors/scim-error.ts';
export type { ScimErrorInit, ScimStatus, ScimType } from './errors/scim-error.ts';
export { toScimErrorBody, ERROR_URN } from './errors/to-scim-error-body.ts';
export type { ScimErrorBody } from './errors/to-scim-error-body.ts';

// Schemas and registry
export { createSchemaRegistry } from './schema/registry.ts';
export type {
  AttributeInput,
  ExtensionBinding,
  ExtensionRegistration,
  ResourceSchema,
  ResourceTypeName,
  SchemaRegistry,
  SchemaRegistryOptions,
} from './schema/registry.ts';
export type {
  AttributeDef,
  AttributeType,
  Mutability,
  Returned,
  SchemaDef,
  Uniqueness,
} from './schema/attribute-def.ts';
export { CORE_USER_SCHEMA } from './schema/core-user-schema.ts';
export { findAttribute } from './schema/attribute-def.ts';
export { ENTERPRISE_USER_SCHEMA } from './schema/enterprise-user-schema.ts';
export { CORE_GROUP_SCHEMA } from './schema/core-group-schema.ts';
export { COMMON_ATTRIBUTES } from './schema/common-attributes.ts';
export { URN, TOLERATED_SCHEMA_URNS } from './schema/urns.ts';
export {
  wireSchema,
  ScimUserSchema,
  ScimGroupSchema,
  ScimUserInputSchema,
  ScimGroupInputSchema,
} from './schema/default-wire-schemas.ts';
export { PatchOpSchema, SearchRequestSchema, ListResponseSchema, ErrorSchema } from './schema/message-schemas.ts';

// Filters
export type { AttrPath, CompareOp, FilterNode, FilterValue } from './filter/ast.ts';
export { parseFilter, FILTER_DEFAULTS } from './filter/parse-filter.ts';
export type { ParseFilterOptions } from './filter/parse-filter.ts';
export { printFilter, printAttrPath } from './filter/print-filter.ts';
export { matches } from './filter/matches.ts';
export { describeAttribute } from './filter/describe-attribute.ts';
export type { AttributeDescription } from './filter/describe-attribute.ts';

// PATCH
export { parsePatchRequest } from './patch/parse-patch-request.ts';
export type { PatchOperation, PatchOpName } from './patch/parse-patch-request.ts';
export { applyUserPatch } from './patch/apply-user-patch.ts';
export type { ApplyUserPatchOptions, ApplyUserPatchResult } from './patch/apply-user-patch.ts';
export { applyGroupPatch } from './patch/apply-group-patch.ts';
export type { ApplyGroupPatchOptions, ApplyGroupPatchResult } from './patch/apply-group-patch.ts';
export { patchNeedsMembers } from './patch/patch-needs-members.ts';

// Projection and list requests
export { project } from './projection/project.ts';
export type { ProjectOptions } from './projection/project.ts';
export { parseListQuery } from './list/parse-list-query.ts';
export type { QueryInput } from './list/parse-list-query.ts';
export { parseSearchRequest } from './list/parse-search-request.ts';
export type { ListQuery, ListQueryOptions } from './list/list-query.ts';

// Mapping wire ⇄ domain
export { fromScimUser } from './mapping/from-scim-user.ts';
export type { FromScimUserResult } from './mapping/from-scim-user.ts';
export { toScimUser } from './mapping/to-scim-user.ts';
export type { ToScimUserOptions, UserGroupRef } from './mapping/to-scim-user.ts';
export { fromScimGroup } from './mapping/from-scim-group.ts';
export type { FromScimGroupResult } from './mapping/from-scim-group.ts';
export { toScimGroup } from './mapping/to-scim-group.ts';
export type { ToScimGroupOptions } from './mapping/to-scim-group.ts';
export type { ScimResource } from './mapping/domain-to-wire.ts';
export type { ResourceInfo, ScimMeta } from './mapping/meta.ts';
export type * from './domain/types.ts';

// Builders
export { buildListResponse } from './builders/list-response.ts';
export type { ListResponse } from './builders/list-response.ts';
export { buildServiceProviderConfig } from './builders/service-provider-config.ts';
export type { PaginationOptions, ServiceProviderConfigOptions } from './builders/service-provider-config.ts';
export { buildResourceType, buildResourceTypes } from './builders/resource-types.ts';
export { buildSchema, buildSchemas } from './builders/schemas.ts';

// Bulk (RFC 7644 §3.7)
export { BULK_LIMITS } from './limits.ts';
export { parseBulkRequest } from './bulk/parse-bulk-request.ts';
export type {
  BulkEndpoint,
  BulkMethod,
  BulkOperation,
  BulkRequest,
  ParsedBulkOperation,
} from './bulk/parse-bulk-request.ts';
export { bulkIdReferences, resolveBulkIds } from './bulk/bulk-references.ts';
export { planBulk } from './bulk/plan-bulk.ts';
export type { BulkPlan, BulkRefusal, PlanInput } from './bulk/plan-bulk.ts';
export { buildBulkResponse } from './bulk/bulk-response.ts';
export type { BulkOperationResult } from './bulk/bulk-response.ts';

// HTTP helpers (the adapter owns HTTP; these keep the rules in one place)
export { isScimRequestContentType, SCIM_MEDIA_TYPE } from './http/content-type.ts';
