import type { ServiceAccountRecord } from './service-account-record.ts';

/** Storage of service accounts; names are unique per org, case-insensitively. */
export interface ServiceAccountRepository {
  /** @throws AppError CONFLICT when the name is taken in the org. */
  insert(
    orgId: string,
    account: { id: string; name: string; description?: string; now: Date },
  ): Promise<ServiceAccountRecord>;
  findById(orgId: string, id: string): Promise<ServiceAccountRecord | null>;
  list(orgId: string): Promise<ServiceAccountRecord[]>;
  /** False when there was none. */
  delete(orgId: string, id: string): Promise<boolean>;
}
