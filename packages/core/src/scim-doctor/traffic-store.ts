import type { TrafficBucket } from './traffic-record.ts';

/**
 * Where the recorders' hourly buckets go. Each process writes its own share of a bucket
 * (`writer`): FerretDB 1.24 does not isolate a `$inc` from a concurrent one, so two
 * replicas never update one document; readers add the shares up.
 */
export interface ScimTrafficStore {
  /** Adds the counts of `buckets` to this writer's shares (upserts), replacing each share's error list. */
  add(writer: string, buckets: readonly TrafficBucket[]): Promise<void>;
  /** Every share of the org's buckets from `since` on (at most 24 hours × writers). */
  read(orgId: string, since: Date): Promise<TrafficBucket[]>;
  /** Deletes buckets older than `before` (the worker's retention sweep: no TTL index on FerretDB). */
  sweep(before: Date): Promise<number>;
}
