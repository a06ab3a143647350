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

/**
 * The values of `uniqueness: server` attributes a write sets, unchanged ones too: if a
 * concurrent write moves this user off a value and another user takes it, a write retried
 * after that lost race would store it again, so every value a write stores is locked and checked.
 */
function uniqueValuesSet(org: OrgRegistry, orgId: string, next: Extensions): UniqueValue[] {
  return org.active.flatMap((schema) =>
    schema.attributes.flatMap((def) => {
      const value = next?.[schema.storageKey]?.[def.name];
      if (def.uniqueness !== 'server' || typeof value !== 'string') return [];
      const compared = def.caseExact ? value : normaliseKey(value);
      const hash = createHash('sha256').update(compared).digest('hex').slice(0, 32);
      return [
        { urn: schema.urn, name: def.name, value, lockKey: `unique:${orgId}:${schema.storageKey}.${def.name}:${hash}` },
      ];
    }),
  );
}

/**
 * Which unique values `next` sets that neither the check covered (`checked`: what the write was
 * checked and locked for) nor `current` already holds (its writer checked those). A PATCH is
 * re-applied to the newer version after a lost race; if a concurrent write moved the attribute,
 * the re-applied patch can set a value the first check never locked.
 */
export function uncheckedUniqueValues(
  org: OrgRegistry,
  orgId: string,
  values: { checked: Extensions; current: Extensions; next: Extensions },
): string[] {
  const keysOf = (e: Extensions) => new Set(uniqueValuesSet(org, orgId, e).map((v) => v.lockKey));
  const covered = new Set([...keysOf(values.checked), ...keysOf(values.current)]);
  return uniqueValuesSet(org, orgId, values.next)
    .filter((v) => !covered.has(v.lockKey))
    .map((v) => `${v.urn}:${v.name}`);
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
  target: { orgId: string; userId?: string | undefined; next: Extensions },
  write: () => Promise<T>,
): Promise<T> {
  const values = uniqueValuesSet(org, target.orgId, target.next);
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
