import { OrgRecordSchema } from '@provisio/core/orgs';
import { z } from 'zod';

export const ZGetOrgResponseSchema = OrgRecordSchema.extend({ scimBaseUrl: z.string() });
