import { ANY_OF_CHUNK, probesOf, tableOf } from './sql-parts.ts';

/** The groups of these members (at most ANY_OF_CHUNK per statement), in their org. */
export type GroupRefsRequest = { orgId: string; memberIds: readonly string[] };

/**
 * The SQL of members' groups with the groups' names, or `undefined` for none or too many: the
 * member rows (a probe of the memberId GIN index each, as `anyOfSql`, behind `OFFSET 0` so the planner cannot read the org's rows instead),
 * joined to `groups` by `_id` through FerretDB's own unique btree of `_jsonb->'_id'` (one probe
 * per row). One statement where there were two reads (rows, then names). A row whose group is
 * gone (being deleted) has no partner and drops out. The org is compared as text, which no index
 * leads with, so it only filters.
 */
export function groupRefsSql(
  tables: { members: string; groups: string },
  schema: string,
  r: GroupRefsRequest,
): { text: string; values: unknown[] } | undefined {
  if (!r.memberIds.length || r.memberIds.length > ANY_OF_CHUNK) return undefined;
  const values: unknown[] = [r.orgId];
  const probes = probesOf('memberId', r.memberIds, values);
  return {
    text:
      `SELECT m._jsonb->>'memberId' AS member_id, m._jsonb->>'groupId' AS group_id, g._jsonb->>'displayName' AS display` +
      ` FROM (SELECT _jsonb FROM ${tableOf(schema, tables.members)} WHERE ${probes} OFFSET 0) AS m` +
      ` JOIN ${tableOf(schema, tables.groups)} AS g ON g._jsonb->'_id' = m._jsonb->'groupId'` +
      ` WHERE m._jsonb->>'orgId' = $1 AND g._jsonb->>'orgId' = $1`,
    values,
  };
}
