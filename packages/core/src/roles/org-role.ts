import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { USER_ROLES } from '../users/user-enums.ts';
import { roleValueKey } from './role-mapping.ts';

/**
 * A role an org defines (e.g. "Engineer"): a name its tools read. In Provisio itself it grants
 * what `standard` grants. Ranked between `admin` and `standard`; a higher `rank` outranks a lower.
 */
export const OrgRoleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  rank: z.number().int(),
  created: z.iso.datetime(),
});
export type OrgRole = z.infer<typeof OrgRoleSchema>;

export const OrgRoleFieldsSchema = z.object({
  name: z.string().trim().min(1).max(64),
  description: z.string().trim().max(500).default(''),
  /** Among org roles, the higher rank wins when a user's groups give several. */
  rank: z.number().int().min(0).max(1000).default(100),
});
export type OrgRoleFields = z.infer<typeof OrgRoleFieldsSchema>;

/** `Site Reliability`, `site-reliability` → one key: an org role's name is unique per org by it. */
export const orgRoleKey = roleValueKey;

const BUILT_IN_KEYS = new Set<string>(USER_ROLES.map(orgRoleKey));

/** A name that would read as a built-in role (`Admin`, `read only`) is refused: it would shadow it. */
export function assertNotBuiltIn(name: string): void {
  if (BUILT_IN_KEYS.has(orgRoleKey(name)))
    throw new AppError('BAD_REQUEST', {
      message: `"${name}" is a built-in role (${USER_ROLES.join(', ')}); an org role needs another name`,
    });
}
