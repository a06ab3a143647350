import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import type { TrafficBucket } from './traffic-record.ts';

const hour = new Date('2026-12-03T10:00:00Z');
const share = (over: Partial<TrafficBucket>): TrafficBucket => ({
  orgId: 'o',
  keyId: 'k1',
  hour,
  counts: {},
  shapes: {},
  idps: {},
  lastSuccessAt: null,
  lastErrors: [],
  ...over,
});
const error = (minute: number, status = 400) => ({
  at: new Date(hour.getTime() + minute * 60_000),
  method: 'POST',
  path: '/Users',
  status,
  scimType: 'invalidValue',
  detail: `e${minute}`,
});

describe('diagnose', () => {
  it("adds up every writer's share of every hour, per key", () => {
    const [report, other] = diagnose({
      buckets: [
        share({ counts: { 'users-create:201': 3, 'users-create:409': 1 }, idps: { okta: 4 } }),
        share({
          counts: { 'users-create:201': 2 },
          idps: { okta: 2 },
          lastSuccessAt: new Date('2026-12-03T10:05:00Z'),
        }),
        share({ hour: new Date('2026-12-03T11:00:00Z'), counts: { 'users-get:200': 1 }, idps: { unknown: 1 } }),
        share({ keyId: 'k2', counts: { 'users-list:200': 1 }, idps: { entra: 1 } }),
      ],
      orgUsesGroups: false,
      keyRateLimit: 50,
    });
    expect(report).toMatchObject({
      keyId: 'k1',
      idp: 'okta',
      requests: 7,
      byOperation: [
        { operation: 'users-create', status: 201, count: 5 },
        { operation: 'users-create', status: 409, count: 1 },
        { operation: 'users-get', status: 200, count: 1 },
      ],
      lastSuccessAt: new Date('2026-12-03T10:05:00Z'),
    });
    expect(other).toMatchObject({ keyId: 'k2', idp: 'entra', requests: 1 });
  });

  it('keeps the 10 newest errors over all shares, newest first', () => {
    const [report] = diagnose({
      buckets: [
        share({ lastErrors: [1, 3, 5, 7, 9, 11].map((m) => error(m)) }),
        share({ lastErrors: [2, 4, 6, 8, 10, 12].map((m) => error(m)) }),
      ],
      orgUsesGroups: false,
      keyRateLimit: 50,
    });
    expect(report?.lastErrors.map((e) => e.detail)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((m) => `e${m}`));
  });

  it('hints from the summed shapes: 429s and empty emails, whatever the IdP', () => {
    const [report] = diagnose({
      buckets: [share({ shapes: { 'rate-limited': 4, 'empty-email': 1 } }), share({ shapes: { 'rate-limited': 2 } })],
      orgUsesGroups: false,
      keyRateLimit: 50,
    });
    expect(report?.hints.map((h) => h.code)).toEqual(['empty-emails', 'rate-limited']);
    expect(report?.hints[1]?.evidence).toMatch(/^6 request\(s\) refused 429 .*50\/s/);
  });
});
