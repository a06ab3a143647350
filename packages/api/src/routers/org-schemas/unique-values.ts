import { createHash } from 'node:crypto';
import { AppError, normaliseKey } from '@provisio/core';
import type { UserAttributes } from '@provisio/core';
import type { Context } from '../../context.ts';
import type { OrgRegistry } from './org-registry.ts';

type Extensions = UserAttributes['extensions'];
type UniqueValue = { urn: string; name: string; value: string; lockKey: string };

/** Whether any active attribute is unique: only then does a write pay for the check. */
export const hasUniqueAttributes = (org: OrgRegistry) =>
  org.active.some((s) => s.attributes.some((a) => a.uniqueness === 'server'));

/** The values of `uniqueness: server` attributes a write sets, where they differ from what is stored. */
function changedUniqueValues(org: OrgRegistry, orgId: string, next: Extensions, stored: Extensions): UniqueValue[] {
  return org.active.flatMap((schema) =>
    schema.attributes.flatMap((def) => {
      const value = next?.[schema.storageKey]?.[def.name];
      if (def.uniqueness !== 'server' || typeof value !== 'string') return [];
      if (stored?.[schema.storageKey]?.[def.name] === value) return [];
      const compared = def.caseExact ? value : normaliseKey(value);
      const hash = createHash('sha256').update(compared).digest('hex').slice(0, 32);
      return [
        { urn: schema.urn, name: def.name, value, lockKey: `unique:${orgId}:${schema.storageKey}.${def.name}:${hash}` },
      ];
    }),
  );
}

/**
 * Runs `write` when no other user of the org holds a unique value it sets. "Unique" is per
 * org: each org is its own SCIM service provider. The check is one index-served `extKeys`
 * lookup per changed value (never a scan), made under a short lock on the value, so two
 * requests writing the same value cannot both find it free.
 */
export async function withUniqueValues<T>(
  ctx: Pick<Context, 'db' | 'clock'>,
  org: OrgRegistry,
  target: { orgId: string; userId?: string | undefined; next: Extensions; stored?: Extensions },
  write: () => Promise<T>,
): Promise<T> {
  const values = changedUniqueValues(org, target.orgId, target.next, target.stored);
  if (values.length === 0) return write();
  return ctx.db.valueLocks.withLocks(
    values.map((v) => v.lockKey),
    () => ctx.clock.now(),
    async () => {
      for (const v of values) {
        const holders = await ctx.db.users.list(target.orgId, {
          filter: { kind: 'compare', path: { uri: v.urn, attr: v.name }, op: 'eq', value: v.value },
          extensions: org.active,
          startIndex: 1,
          count: 2,
        });
        if (holders.items.some((u) => u.id !== target.userId))
          throw new AppError('CONFLICT', {
            message: `${v.urn}:${v.name} is unique and already taken in this org`,
            scimType: 'uniqueness',
          });
      }
      return write();
    },
  );
}
