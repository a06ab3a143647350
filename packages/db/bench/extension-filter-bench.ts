import { randomUUID } from 'node:crypto';
import { uuidV7 } from '@provisio/core';
import type { FilterNode } from '@provisio/core';
import { OrgSchemaDefinitionSchema } from '@provisio/core/org-schemas';
import type { OrgSchemaRecord } from '@provisio/core/org-schemas';
import { openDb } from '../src/create-db.ts';
import { newUserDoc } from '../src/users/user-repository.ts';

/**
 * A filter on an org extension attribute (`urn:…:costCode eq "…"`, and `sw` for contrast) at
 * BENCH_USERS users (default 10,000) in an org beside another org of the same size. Prints
 * the times of 3 runs and FerretDB's PostgreSQL plan of the `eq` query (needs FERRETDB_POSTGRES_URL).
 */
const N = Number(process.env['BENCH_USERS'] ?? 10_000);
const URN = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
const dbName = `probe_${randomUUID().replaceAll('-', '')}`;
const { db, models } = await openDb({
  uri: process.env['MONGODB_URI'] ?? '',
  dbName,
  ferretdbPostgresUrl: process.env['FERRETDB_POSTGRES_URL'] ?? '',
});
const definition = OrgSchemaDefinitionSchema.parse({
  urn: URN,
  name: 'Acme',
  attributes: [{ name: 'costCode', type: 'string' }],
});
const schemaOf = (orgId: string): OrgSchemaRecord => ({
  ...definition,
  id: uuidV7(),
  orgId,
  storageKey: 'xbench',
  hiddenAttributes: [],
  purgedAttributeNames: [],
  status: 'active',
  version: 1,
  created: '',
  lastModified: '',
});
const eq = (value: string, op: 'eq' | 'sw' = 'eq'): FilterNode => ({
  kind: 'compare',
  path: { uri: URN, attr: 'costCode' },
  op,
  value,
});

try {
  await db.syncIndexes();
  const orgs = [uuidV7(), uuidV7()];
  for (const orgId of orgs) {
    await models.orgs.create({ _id: orgId, name: orgId, nameKey: orgId, plan: 'enterprise' });
    for (let start = 0; start < N; start += 1000) {
      const now = new Date();
      const docs = Array.from({ length: Math.min(1000, N - start) }, (_, k) => {
        const i = start + k;
        const userName = `u${i}@${orgId}.example`;
        const attributes = { userName, active: true, extensions: { xbench: { costCode: `CC-${i}` } } };
        const id = uuidV7(now.getTime());
        return newUserDoc(orgId, { id, attributes, status: 'invited', source: 'scim', role: 'standard', now });
      });
      await models.users.collection.insertMany(docs as never[]);
    }
  }
  await db.syncIndexes();
  const orgId = orgs[0] ?? '';
  const extensions = [schemaOf(orgId)];
  for (const [label, filter] of [
    [`eq "cc-${N - 7}"`, eq(`cc-${N - 7}`)],
    ['sw "cc-77"', eq('cc-77', 'sw')],
  ] as const) {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < 3; r++) {
      const started = performance.now();
      total = (await db.users.list(orgId, { filter, extensions, startIndex: 1, count: 100 })).totalResults;
      times.push(performance.now() - started);
    }
    process.stdout.write(
      `costCode ${label} at ${N} users (x2 orgs): total ${total}, ms ${times.map((x) => x.toFixed(0)).join(', ')}\n`,
    );
  }
  const plan = await models.users.find({ orgId, extKeys: `xbench.costCode=cc-${N - 7}` }).explain('queryPlanner');
  process.stdout.write(`plan of the eq query: ${JSON.stringify(plan).slice(0, 1500)}\n`);
} finally {
  await db.connection.dropDatabase();
  await db.close();
}
