import { z } from 'zod';
import { ZDeletedResponseSchema, ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

export const ZDeleteGroupRequestSchema = z.object({ id: ZIdSchema, ifMatchVersion: ZIfMatchVersionSchema });
export const ZDeleteGroupResponseSchema = ZDeletedResponseSchema;
