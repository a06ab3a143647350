import { uuidV7 } from '@provisio/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSqlReads } from '../ferretdb/sql-reads.ts';
import { createTestDb, testPostgresUrl } from '../testing.ts';
import { findAnyOf } from './find-any-of.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
const orgId = uuidV7();
const groupIds = [uuidV7(), uuidV7(), uuidV7()];

beforeAll(async () => {
  db = await createTestDb();
  const now = new Date();
  // Group i has i + 2 members; another org's rows share the group ids' shape but not the org.
  await db.models.groupMembers.collection.insertMany(
    [orgId, uuidV7()].flatMap((org) =>
      groupIds.flatMap((groupId, i) =>
        Array.from({ length: i + 2 }, (_, j) => ({
          _id: `${org}:${groupId}:${j}`,
          orgId: org,
          groupId,
          memberId: `m${j}`,
          createdAt: now,
        })),
      ),
    ) as never[],
  );
});
afterAll(() => db.drop());

/** With the companion's SQL reads present, `findAnyOf` sends one equality per value; without, `$in`. */
const rowsOf = (values: string[], byEquality: boolean, atMost?: number) =>
  findAnyOf(
    db.models.groupMembers,
    { where: { orgId }, field: 'groupId', values, ...(atMost !== undefined ? { atMost } : {}) },
    byEquality
      ? createSqlReads({ postgresUrl: testPostgresUrl() ?? '', schema: db.connection.name, tables: {} })
      : undefined,
  ).then((rows) => rows.map((r) => r._id).sort());

it('finds the same rows one equality per value as with `$in`, in the org only, a repeated value once', async () => {
  const values = [...groupIds, groupIds[0] ?? '', 'no such group'];
  const byEquality = await rowsOf(values, true);
  expect(byEquality).toHaveLength(2 + 3 + 4);
  expect(byEquality.every((id) => id.startsWith(orgId))).toBe(true);
  expect(await rowsOf(values, false)).toEqual(byEquality);
  expect(await rowsOf([], true)).toEqual([]);
});

it('reads one document past `atMost` at most, either way', async () => {
  for (const byEquality of [true, false]) {
    // One over the limit tells the caller to refuse; no more is read.
    expect(await rowsOf(groupIds, byEquality, 3)).toHaveLength(4);
    expect(await rowsOf(groupIds, byEquality, 9)).toHaveLength(9);
  }
});
