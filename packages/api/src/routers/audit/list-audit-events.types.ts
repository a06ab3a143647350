import { AUDIT_OUTCOMES, AuditEventSchema } from '@provisio/core/audit';
import { z } from 'zod';

export const ZListAuditEventsRequestSchema = z
  .object({
    /** `User`, `Group`, `ApplicationKey`, `ServiceAccount`, `Org`. */
    resourceType: z.string().max(64).optional(),
    resourceId: z.string().max(256).optional(),
    /** A key id, the id of a key's owner, or the user of a web session. */
    actorId: z.string().max(256).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    /** The last id of the previous page. */
    before: z.string().max(256).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    /** `platform`: the events of no org (sign-ins naming no admin account, wrong admin tokens); the platform admin's web session only. */
    ledger: z.enum(['org', 'platform']).default('org'),
  })
  .default({ limit: 100, ledger: 'org' });

export const ZListAuditEventsResponseSchema = z.object({
  items: z.array(AuditEventSchema),
  nextBefore: z.string().nullable(),
});
