export { resolveRole } from './resolve-role.ts';
export type { ResolvedRole } from './resolve-role.ts';
