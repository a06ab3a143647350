/**
 * What a SCIM PATCH adding one member costs, by the size of the group and whether it is mapped
 * to a role: `pnpm --filter @provisio/server bench:group-roles [sizes…]` with MONGODB_URI and
 * REDIS_URL set (the test services). Prints database commands per PATCH (exact) and the median
 * time (machine-dependent). The recompute touches only the added member, so neither figure may
 * grow with the group.
 */
import { uuidV7 } from '@provisio/core';
import { createAccessTestApp } from '../auth/testing/access-test-app.ts';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [10, 1_000];
const ROUNDS = 15;
const app = await createAccessTestApp();
let commands = 0;
// Round trips counted as the server counts them (round-trips.ts): one connection checkout each.
app.deps.db.connection.getClient().on('connectionCheckOutStarted', () => void commands++);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function measure(size: number, mapped: boolean) {
  const org = await app.newOrg();
  const now = new Date();
  const ids = Array.from({ length: size + ROUNDS }, () => uuidV7());
  for (const [i, id] of ids.entries()) {
    const attributes = { userName: `m${i}@example.com`, active: true };
    await app.deps.db.users.insert(org.orgId, {
      id,
      attributes,
      status: 'active',
      source: 'scim',
      role: 'standard',
      now,
    });
  }
  const group = await app.deps.db.groups.insert(org.orgId, { id: uuidV7(), attributes: { displayName: 'Big' }, now });
  const members = ids.slice(0, size).map((value) => ({ value, type: 'User' as const }));
  await app.deps.db.groups.applyMembership(org.orgId, group.id, { add: members, remove: [], replaceAll: false });
  if (mapped) await app.deps.db.roles.setMapping(org.orgId, { groupId: group.id, role: 'admin', orgRoleId: null, now });
  await app.scim('get', '/Users?count=1', org.scimToken); // warm the credential cache
  const times: number[] = [];
  const counts: number[] = [];
  for (const id of ids.slice(size)) {
    const [before, start] = [commands, performance.now()];
    const res = await app.scim('patch', `/Groups/${group.id}`, org.scimToken).send({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }],
    });
    if (res.status >= 300) throw new Error(`PATCH ${res.status}: ${JSON.stringify(res.body)}`);
    times.push(performance.now() - start);
    counts.push(commands - before);
  }
  if (mapped && (await app.deps.db.users.findById(org.orgId, ids[size] ?? ''))?.role !== 'admin')
    throw new Error('not recomputed');
  return { size, mapped, commands: median(counts), ms: median(times) };
}

console.info('| members | mapped | DB commands / PATCH | median ms |\n|---:|---|---:|---:|');
for (const size of SIZES)
  for (const mapped of [false, true]) {
    const r = await measure(size, mapped);
    console.info(`| ${r.size} | ${r.mapped ? 'yes' : 'no'} | ${r.commands} | ${r.ms.toFixed(1)} |`);
  }
await app.cleanup();
process.exit(0);
