import { ServiceAccountRecordSchema } from '@provisio/core/service-accounts';
import { z } from 'zod';

export const ZListServiceAccountsResponseSchema = z.object({ items: z.array(ServiceAccountRecordSchema) });
