import { UserRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema } from '../shared-schemas.ts';

/** Shared by `deactivate` and `reactivate`. */
export const ZSetUserActiveRequestSchema = z.object({ id: ZIdSchema });
export const ZSetUserActiveResponseSchema = UserRecordSchema;
