import type { Db } from '../create-db.ts';

/** A node of a PostgreSQL JSON plan, as FerretDB's `explain` and `EXPLAIN (FORMAT JSON)` return it. */
export type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

/** The relations a plan reads by sequential scan. */
export const scans = (node: PlanNode | undefined): string[] =>
  node
    ? [
        ...(node['Node Type'] === 'Seq Scan' ? [String(node['Relation Name'])] : []),
        ...(node.Plans ?? []).flatMap(scans),
      ]
    : [];

/** The indexes a plan reads. */
export const indexesIn = (node: PlanNode | undefined): string[] =>
  node
    ? [
        ...(typeof node['Index Name'] === 'string' ? [node['Index Name']] : []),
        ...(node.Plans ?? []).flatMap(indexesIn),
      ]
    : [];

/** The PostgreSQL plan FerretDB would run for a find (its `explain` answers with it). */
export async function planOfFind(db: Db, collection: string, filter: Record<string, unknown>) {
  const explained = await db.connection.db?.command({ explain: { find: collection, filter } });
  return (explained?.['queryPlanner'] as { Plan?: PlanNode } | undefined)?.Plan;
}
