export { resolveRole } from './resolve-role.ts';
export type { ResolvedRole, ResolveRoleOptions } from './resolve-role.ts';
export { delegatesAdmin, RoleMappingEntrySchema, RoleMappingSchema, roleTable, roleValueKey } from './role-mapping.ts';
export type { RoleMapping, RoleMappingEntry } from './role-mapping.ts';
