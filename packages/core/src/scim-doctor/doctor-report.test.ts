import { expect, it } from 'vitest';
import type { ScimDoctorDeps } from './doctor-report.ts';
import { scimDoctorReport } from './doctor-report.ts';
import type { TrafficBucket } from './traffic-record.ts';

const now = new Date('2026-12-03T12:30:00Z');
const bucket = (keyId: string): TrafficBucket => ({
  orgId: 'org-1',
  keyId,
  hour: new Date('2026-12-03T12:00:00Z'),
  counts: { 'users-list:200': 2 },
  shapes: {},
  idps: { okta: 2 },
  lastSuccessAt: now,
  lastErrors: [],
});

/** The report's reads of groups and keys: what it asks for, recorded. */
function depsWith(groupRows: number) {
  const calls = { groups: [] as unknown[], keys: [] as string[] };
  const deps = {
    clock: { now: () => now },
    traffic: { read: () => Promise.resolve([bucket('key-a'), bucket('key-b')]) },
    orgs: { findById: () => Promise.resolve(null) },
    groups: {
      listAfter: (_orgId: string, query: unknown) => {
        calls.groups.push(query);
        return Promise.resolve({ items: Array.from({ length: groupRows }, () => ({})), next: null });
      },
    },
    keys: {
      findById: (_orgId: string, keyId: string) => {
        calls.keys.push(keyId);
        return Promise.resolve(
          keyId === 'key-a' ? { id: 'key-a', name: 'Okta', revokedAt: '2026-12-01T00:00:00Z' } : null,
        );
      },
    },
  } as unknown as ScimDoctorDeps;
  return { deps, calls };
}

it('asks whether the org has a group with one row, never a count', async () => {
  const { deps, calls } = depsWith(1);
  const report = await scimDoctorReport(deps, 'org-1');
  expect(calls.groups).toEqual([{ count: 1, withTotal: false, includeMembers: false }]);
  // Okta sending Users but no Group request while the org has groups: the Push Groups hint.
  expect(report.connections[0]?.hints.map((h) => h.code)).toContain('okta-groups-not-pushed');
  const none = depsWith(0);
  expect((await scimDoctorReport(none.deps, 'org-1')).connections[0]?.hints).toEqual([]);
});

it('reads only the keys that made requests, each by id (revoked ones still named)', async () => {
  const { deps, calls } = depsWith(0);
  const report = await scimDoctorReport(deps, 'org-1');
  expect(calls.keys.sort()).toEqual(['key-a', 'key-b']);
  expect(report.connections.map((c) => [c.keyId, c.keyName, c.revoked]).sort()).toEqual([
    ['key-a', 'Okta', true],
    ['key-b', null, false],
  ]);
});
