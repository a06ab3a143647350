import { hintsFor } from './hints.ts';
import type { DoctorHint } from './hints.ts';
import { IDPS, MAX_ERRORS_KEPT } from './traffic-record.ts';
import type { Idp, RequestShape, ScimErrorEntry, ScimOperation, TrafficBucket } from './traffic-record.ts';

/** One connection (SCIM key) over the last 24 hours. */
export type ConnectionReport = {
  keyId: string;
  idp: Idp;
  requests: number;
  /** Requests by operation and status, most frequent first. */
  byOperation: { operation: ScimOperation; status: number; count: number }[];
  lastSuccessAt: Date | null;
  /** Newest first. */
  lastErrors: ScimErrorEntry[];
  hints: DoctorHint[];
};

type Totals = {
  counts: Map<string, number>;
  shapes: Partial<Record<RequestShape, number>>;
  idps: Partial<Record<Idp, number>>;
  lastSuccessAt: Date | null;
  errors: ScimErrorEntry[];
};

const add = <K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>) => {
  for (const [key, value] of Object.entries(from) as [K, number][]) into[key] = (into[key] ?? 0) + value;
};

/** Every writer's share of every hour, added up per key. */
function totalsByKey(buckets: readonly TrafficBucket[]): Map<string, Totals> {
  const byKey = new Map<string, Totals>();
  for (const bucket of buckets) {
    let totals = byKey.get(bucket.keyId);
    if (!totals) {
      totals = { counts: new Map(), shapes: {}, idps: {}, lastSuccessAt: null, errors: [] };
      byKey.set(bucket.keyId, totals);
    }
    for (const [key, value] of Object.entries(bucket.counts))
      totals.counts.set(key, (totals.counts.get(key) ?? 0) + value);
    add(totals.shapes, bucket.shapes);
    add(totals.idps, bucket.idps);
    if (bucket.lastSuccessAt && (!totals.lastSuccessAt || bucket.lastSuccessAt > totals.lastSuccessAt))
      totals.lastSuccessAt = bucket.lastSuccessAt;
    totals.errors.push(...bucket.lastErrors);
  }
  return byKey;
}

/** The IdP most of the key's recognised requests came from. */
function idpOfTotals(idps: Partial<Record<Idp, number>>): Idp {
  const known = IDPS.filter((idp) => idp !== 'unknown' && (idps[idp] ?? 0) > 0);
  return known.sort((a, b) => (idps[b] ?? 0) - (idps[a] ?? 0))[0] ?? 'unknown';
}

export type DiagnoseOptions = {
  buckets: readonly TrafficBucket[];
  orgUsesGroups: boolean;
  keyRateLimit: number;
};

/** The doctor's report of an org: one entry per key that made a request in the buckets given. */
export function diagnose({ buckets, orgUsesGroups, keyRateLimit }: DiagnoseOptions): ConnectionReport[] {
  return [...totalsByKey(buckets)].map(([keyId, totals]) => {
    const byOperation = [...totals.counts].map(([key, count]) => {
      const [operation, status] = key.split(':') as [ScimOperation, string];
      return { operation, status: Number(status), count };
    });
    byOperation.sort((a, b) => b.count - a.count || a.operation.localeCompare(b.operation) || a.status - b.status);
    const sum = (prefix: string) =>
      byOperation.filter((row) => row.operation.startsWith(prefix)).reduce((total, row) => total + row.count, 0);
    const idp = idpOfTotals(totals.idps);
    return {
      keyId,
      idp,
      requests: sum(''),
      byOperation,
      lastSuccessAt: totals.lastSuccessAt,
      lastErrors: totals.errors.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, MAX_ERRORS_KEPT),
      hints: hintsFor({
        idp,
        shapes: totals.shapes,
        userRequests: sum('users-'),
        groupRequests: sum('groups-'),
        orgUsesGroups,
        keyRateLimit,
      }),
    };
  });
}
