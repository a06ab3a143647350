import type { WebhookDeliveryRecord, WebhookEndpointRecord } from './webhook-record.ts';

export type WebhookEndpointPatch = Partial<
  Pick<
    WebhookEndpointRecord,
    | 'url'
    | 'events'
    | 'enabled'
    | 'disabledAt'
    | 'disabledReason'
    | 'secrets'
    | 'cursor'
    | 'failingSince'
    | 'failures'
    | 'retryAt'
  >
>;

/** What the sweep needs of an endpoint to decide whether it owes a run. */
export type WebhookSweepRow = Pick<WebhookEndpointRecord, 'id' | 'orgId' | 'enabled' | 'retryAt' | 'cursor'>;

/** Endpoints, their delivery leases and the delivery log (org-scoped except the worker's scans). */
export interface WebhookRepository {
  create(endpoint: WebhookEndpointRecord): Promise<void>;
  get(orgId: string, id: string): Promise<WebhookEndpointRecord | null>;
  list(orgId: string): Promise<WebhookEndpointRecord[]>;
  /** Sets only the given fields; null when the endpoint does not exist in the org. */
  update(orgId: string, id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpointRecord | null>;
  remove(orgId: string, id: string): Promise<boolean>;
  /**
   * Endpoints of any org with an id after `after`, in id order, at most `limit`: the worker's
   * sweep walks them all, a page at a time (an `_id` range, so every page is an index read).
   */
  pageAfter(after: string, limit: number): Promise<WebhookSweepRow[]>;
  /**
   * Takes the endpoint's delivery lease for `owner` (a unique insert: one holder across
   * replicas); a lease past its expiry is taken over. False when another holds it.
   */
  lease(endpointId: string, owner: string, now: Date, ttlMs: number): Promise<boolean>;
  unlease(endpointId: string, owner: string): Promise<void>;
  logDelivery(delivery: WebhookDeliveryRecord): Promise<void>;
  updateDelivery(
    orgId: string,
    id: string,
    patch: Pick<WebhookDeliveryRecord, 'status' | 'responseStatus' | 'durationMs' | 'error' | 'at'>,
  ): Promise<void>;
  getDelivery(orgId: string, id: string): Promise<WebhookDeliveryRecord | null>;
  /** Deletes up to `limit` of the oldest logged deliveries (any org) queued before `before`; returns how many. */
  pruneDeliveries(before: Date, limit: number): Promise<number>;
  /** The endpoint's latest deliveries, newest first. */
  deliveries(orgId: string, endpointId: string, limit: number): Promise<WebhookDeliveryRecord[]>;
}
