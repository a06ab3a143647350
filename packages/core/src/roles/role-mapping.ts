import { z } from 'zod';
import { USER_ROLES } from '../users/user-enums.ts';
import type { UserRole } from '../users/user-enums.ts';

/** `Read Only`, `read-only`, `READ_ONLY` → `read_only`: how an IdP's role value is compared. */
export const roleValueKey = (text: string): string =>
  text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export const RoleMappingEntrySchema = z.object({
  /** A SCIM `roles` value (or display) as the IdP sends it, e.g. `Provisio Admins`; compared with `roleValueKey`. */
  value: z.string().trim().min(1).max(256),
  role: z.enum(USER_ROLES),
});
export type RoleMappingEntry = z.infer<typeof RoleMappingEntrySchema>;

/**
 * An org's mapping of IdP role values to our roles: a list, not an object keyed by the
 * value, because an IdP value may contain `.` or start with `$` (no such document keys).
 */
export const RoleMappingSchema = z
  .array(RoleMappingEntrySchema)
  .max(100)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const key = roleValueKey(entry.value);
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: [index, 'value'],
          message: `"${entry.value}" is mapped twice (values are compared ignoring case, spaces and dashes)`,
        });
      seen.add(key);
    });
  });
export type RoleMapping = z.infer<typeof RoleMappingSchema>;

/** Our own names of the roles that grant nothing in Provisio map without configuration; `admin` never does. */
const BUILT_IN: RoleMapping = [
  { value: 'standard', role: 'standard' },
  { value: 'read_only', role: 'read_only' },
];

/** The role each value maps to: the org's entries first, then the built-in names. */
export function roleTable(mapping: RoleMapping): Map<string, UserRole> {
  const table = new Map<string, UserRole>();
  for (const entry of [...mapping, ...BUILT_IN]) {
    const key = roleValueKey(entry.value);
    if (!table.has(key)) table.set(key, entry.role);
  }
  return table;
}

/** An org admin mapped some IdP value to `admin`: they delegated admin to whoever writes `roles` (the IdP). */
export const delegatesAdmin = (mapping: RoleMapping): boolean => mapping.some((entry) => entry.role === 'admin');
