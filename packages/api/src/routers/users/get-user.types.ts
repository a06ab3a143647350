import { UserRecordSchema } from '@provisio/core';
import { z } from 'zod';
import { ZIdSchema } from '../shared-schemas.ts';

export const ZGetUserRequestSchema = z.object({ id: ZIdSchema });
export const ZGetUserResponseSchema = UserRecordSchema;
