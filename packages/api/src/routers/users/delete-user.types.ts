import { z } from 'zod';
import { ZDeletedResponseSchema, ZIdSchema, ZIfMatchVersionSchema } from '../shared-schemas.ts';

export const ZDeleteUserRequestSchema = z.object({ id: ZIdSchema, ifMatchVersion: ZIfMatchVersionSchema });
export const ZDeleteUserResponseSchema = ZDeletedResponseSchema;
