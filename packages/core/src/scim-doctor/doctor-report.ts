import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { GroupRepository } from '../groups/group-repository.ts';
import type { KeyRepository } from '../keys/key-repository.ts';
import { KEY_RATE_LIMIT } from '../orgs/org-record.ts';
import type { OrgRepository } from '../orgs/org-repository.ts';
import { diagnose } from './diagnose.ts';
import { HINT_CODES } from './hints.ts';
import { DOCTOR_WINDOW_HOURS, HOUR_MS, hourOf, IDPS, SCIM_OPERATIONS } from './traffic-record.ts';
import type { ScimTrafficStore } from './traffic-store.ts';

export const DoctorHintSchema = z.object({
  code: z.enum(HINT_CODES),
  title: z.string(),
  evidence: z.string(),
  fix: z.string(),
});

export const ConnectionReportSchema = z.object({
  keyId: z.string(),
  /** The key's name, or null when it is gone (deleted since) or was none (internal callers). */
  keyName: z.string().nullable(),
  revoked: z.boolean(),
  idp: z.enum(IDPS),
  requests: z.number().int(),
  byOperation: z.array(
    z.object({ operation: z.enum(SCIM_OPERATIONS), status: z.number().int(), count: z.number().int() }),
  ),
  lastSuccessAt: z.iso.datetime().nullable(),
  lastErrors: z.array(
    z.object({
      at: z.iso.datetime(),
      method: z.string(),
      path: z.string(),
      status: z.number().int(),
      scimType: z.string().nullable(),
      detail: z.string(),
    }),
  ),
  hints: z.array(DoctorHintSchema),
});

export const ScimDoctorReportSchema = z.object({
  /** The window's start: counts cover whole hours from here to now. */
  since: z.iso.datetime(),
  connections: z.array(ConnectionReportSchema),
});
export type ScimDoctorReport = z.infer<typeof ScimDoctorReportSchema>;

export type ScimDoctorDeps = {
  traffic: ScimTrafficStore;
  groups: Pick<GroupRepository, 'listAfter'>;
  orgs: Pick<OrgRepository, 'findById'>;
  keys: Pick<KeyRepository, 'findById'>;
  clock: Clock;
};

/**
 * The org's SCIM connections over the last 24 hours, busiest first: at most 24 hourly
 * buckets per key and replica, never a scan of a request log.
 */
export async function scimDoctorReport(deps: ScimDoctorDeps, orgId: string): Promise<ScimDoctorReport> {
  const since = new Date(hourOf(deps.clock.now()).getTime() - (DOCTOR_WINDOW_HOURS - 1) * HOUR_MS);
  // Whether the org has any group: one row of its first page (no count of the org's groups).
  const [buckets, groups, org] = await Promise.all([
    deps.traffic.read(orgId, since),
    deps.groups.listAfter(orgId, { count: 1, withTotal: false, includeMembers: false }),
    deps.orgs.findById(orgId),
  ]);
  const reports = diagnose({
    buckets,
    orgUsesGroups: groups.items.length > 0,
    keyRateLimit: org?.settings.keyRateLimit ?? KEY_RATE_LIMIT.default,
  });
  // Only the keys that made requests, each by id (never the org's whole key list, revoked ones included).
  const keys = await Promise.all(reports.map((report) => deps.keys.findById(orgId, report.keyId)));
  const keyById = new Map(keys.flatMap((key) => (key ? [[key.id, key] as const] : [])));
  return {
    since: since.toISOString(),
    connections: reports
      .sort((a, b) => b.requests - a.requests)
      .map((report) => ({
        ...report,
        keyName: keyById.get(report.keyId)?.name ?? null,
        revoked: !!keyById.get(report.keyId)?.revokedAt,
        lastSuccessAt: report.lastSuccessAt?.toISOString() ?? null,
        lastErrors: report.lastErrors.map((error) => ({ ...error, at: new Date(error.at).toISOString() })),
      })),
  };
}
