import pg from 'pg';

/** The groups of these members (at most GROUP_REFS_CHUNK), in their org. */
export type GroupRefsRequest = { orgId: string; memberIds: readonly string[] };

/** Members per statement: a probe of the memberId GIN index each, OR-ed (as `anyOfSql`). */
export const GROUP_REFS_CHUNK = 100;

/**
 * The SQL of members' groups with the groups' names, or `undefined` for no member: the member
 * rows (one probe each, behind `OFFSET 0` so the planner cannot read the org's rows instead),
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
  if (!r.memberIds.length || r.memberIds.length > GROUP_REFS_CHUNK) return undefined;
  const values: unknown[] = [r.orgId];
  const arms = r.memberIds.map((id) => {
    values.push(JSON.stringify(id));
    return `_jsonb->'memberId' @> $${values.length}::jsonb`;
  });
  const table = (name: string) => `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)}`;
  return {
    text:
      `SELECT m._jsonb->>'memberId' AS member_id, m._jsonb->>'groupId' AS group_id, g._jsonb->>'displayName' AS display` +
      ` FROM (SELECT _jsonb FROM ${table(tables.members)} WHERE ${arms.join(' OR ')} OFFSET 0) AS m` +
      ` JOIN ${table(tables.groups)} AS g ON g._jsonb->'_id' = m._jsonb->'groupId'` +
      ` WHERE m._jsonb->>'orgId' = $1 AND g._jsonb->>'orgId' = $1`,
    values,
  };
}
