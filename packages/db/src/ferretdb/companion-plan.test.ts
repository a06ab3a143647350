import { describe, expect, it } from 'vitest';
import { detectEngine, planCompanion } from './companion-plan.ts';

const pgPlan = { Plan: { 'Node Type': 'Seq Scan', 'Relation Name': 'users_5e7cc513', Schema: 'db1' } };
const ferret = { version: '7.0.42', ferretdbVersion: 'v1.24.2', ok: 1 };

describe('detectEngine', () => {
  it('is MongoDB when buildInfo carries no FerretDB version', () => {
    expect(detectEngine({ version: '7.0.14', gitVersion: 'abc', ok: 1 }, {})).toEqual({ kind: 'mongodb' });
  });

  it('is FerretDB on PostgreSQL when the plan is a PostgreSQL plan', () => {
    expect(detectEngine(ferret, pgPlan)).toEqual({ kind: 'ferretdb-postgresql', version: 'v1.24.2' });
  });

  it('stays off on another handler (SQLite plans carry no PostgreSQL node)', () => {
    expect(detectEngine(ferret, { sqlite: ['SCAN users'] })).toMatchObject({
      kind: 'ferretdb-other',
      reason: 'not the PostgreSQL handler',
    });
    expect(detectEngine(ferret, {})).toMatchObject({ kind: 'ferretdb-other' });
  });

  it('stays off on another FerretDB line than 1.24', () => {
    expect(detectEngine({ ...ferret, ferretdbVersion: 'v2.1.0' }, pgPlan)).toMatchObject({ kind: 'ferretdb-other' });
  });
});

describe('planCompanion', () => {
  const metadata = [
    { _id: 'users', table: 'users_5e7cc513', indexes: [] },
    { _id: 'claims', table: 'claims_0a1b2c3d', indexes: [] },
  ];
  const declared = [
    { collection: 'users', fields: ['orgId', 'userNameKey', 'orgId', 'search.emails.value', 'emailKeys', 'status'] },
    { collection: 'claims', fields: ['at'] },
    { collection: 'not_created_yet', fields: ['orgId'] },
  ];

  it('creates one GIN index per top-level field (but a COUNT_KEYS one) and _id, and the org order btrees, on existing tables only', () => {
    const plan = planCompanion({ schema: 'db1', metadata, declared });
    if (plan.kind !== 'create') throw new Error(plan.warning);
    expect(plan.tables).toEqual({ users: 'users_5e7cc513', claims: 'claims_0a1b2c3d' });
    const gin = plan.statements
      .filter((s) => s.includes('USING gin'))
      .map((s) => /\(\(_jsonb->'(\w+)'\) jsonb_path_ops\)/.exec(s)?.[1]);
    expect(gin).toEqual(['_id', 'orgId', 'userNameKey', 'emailKeys', '_id', 'at']);
    // Each with a short pending list (searches read all of it).
    expect(plan.statements.filter((s) => s.endsWith('WITH (gin_pending_list_limit=64)'))).toHaveLength(gin.length);
    expect(plan.statements[0]).toMatch(
      /^CREATE INDEX IF NOT EXISTS "users_5e7cc513_pv_[0-9a-f]{10}" ON "db1"."users_5e7cc513" USING gin \(\(_jsonb->'_id'\) jsonb_path_ops\) WITH \(gin_pending_list_limit=64\)$/,
    );
    // (orgId, _id), (orgId, userNameKey, _id) for cursor pages sorted by userName, and (orgId, status, _id)
    // for bounded counts by status (which gets no GIN index).
    expect(plan.statements.filter((s) => s.includes('COLLATE "C"')).map((s) => s.match(/>>'(\w+)'/g))).toEqual([
      [">>'orgId'", ">>'_id'"],
      [">>'orgId'", ">>'userNameKey'", ">>'_id'"],
      [">>'orgId'", ">>'status'", ">>'_id'"],
    ]);
    expect(plan.statements.filter((s) => s.startsWith('ANALYZE'))).toEqual([
      'ANALYZE "db1"."users_5e7cc513"',
      'ANALYZE "db1"."claims_0a1b2c3d"',
    ]);
    expect(new Set(plan.statements).size).toBe(plan.statements.length);
  });

  it('tunes existing indexes where they differ (orgId statistics, older GIN pending lists), before ANALYZE', () => {
    const plan = planCompanion({ schema: "db'1", metadata, declared });
    if (plan.kind !== 'create') throw new Error(plan.warning);
    const tune = plan.statements.findIndex((s) => s.startsWith('DO $tune$'));
    expect(plan.statements[tune]).toContain(`ns.nspname = 'db''1'`);
    expect(plan.statements[tune]).toContain(`IN ('(_jsonb -> ''orgId''::text)')`);
    expect(plan.statements[tune]).toContain('attstattarget <> 1');
    expect(plan.statements[tune]).toContain('SET STATISTICS 1');
    expect(plan.statements[tune]).toContain('SET (gin_pending_list_limit=64)');
    expect(plan.statements.slice(tune + 1).every((s) => s.startsWith('ANALYZE'))).toBe(true);
  });

  it('drops only its own indexes of these tables that it no longer creates, before tuning', () => {
    const plan = planCompanion({ schema: "db'1", metadata, declared });
    if (plan.kind !== 'create') throw new Error(plan.warning);
    const retire = plan.statements.findIndex((s) => s.startsWith('DO $retire$'));
    const tune = plan.statements.findIndex((s) => s.startsWith('DO $tune$'));
    expect(retire).toBeGreaterThan(-1);
    expect(retire).toBe(tune - 1);
    const created = plan.statements.flatMap((s) => /^CREATE INDEX IF NOT EXISTS "([^"]+)"/.exec(s)?.[1] ?? []);
    expect(created).toHaveLength(9);
    const statement = plan.statements[retire] ?? '';
    expect(statement).toContain(`ns.nspname = 'db''1'`);
    expect(statement).toContain(`t.relname = ANY (ARRAY['users_5e7cc513', 'claims_0a1b2c3d']::text[])`);
    expect(statement).toContain(`NOT (x.relname = ANY (ARRAY[${created.map((n) => `'${n}'`).join(', ')}]::text[]))`);
    expect(statement).toContain(`LIKE t.relname || '\\_pv\\_%'`);
    expect(statement).toContain(`DROP INDEX`);
  });

  it('names indexes the same way every time (idempotent with IF NOT EXISTS)', () => {
    expect(planCompanion({ schema: 'db1', metadata, declared })).toEqual(
      planCompanion({ schema: 'db1', metadata, declared }),
    );
  });

  it('warns instead of guessing when the metadata layout is not the expected one', () => {
    expect(
      planCompanion({ schema: 'db1', metadata: [{ name: 'users', tableName: 'users_1' }], declared }),
    ).toMatchObject({ kind: 'warn' });
    expect(
      planCompanion({ schema: 'db1', metadata: [{ _id: 'users', table: 'users"; DROP' }], declared }),
    ).toMatchObject({ kind: 'warn' });
  });
});
