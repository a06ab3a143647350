import type { AppErrorCode, ScimType } from '@provisio/core';
import type { TRPCDefaultErrorShape } from '@trpc/server';

/** What the error formatter adds to tRPC's `error.data`: part of the public contract. */
export type ProvisioErrorData = TRPCDefaultErrorShape['data'] & {
  /** The domain error behind the failure, when there is one. */
  appError: { code: AppErrorCode; scimType: ScimType | undefined } | null;
  /** `z.flattenError` of an input validation error. */
  zodError: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
  /** An input validation error's issues with their field paths (`['attributes', 'userName']`). */
  issues: Array<{ path: string[]; message: string }> | null;
};

export type ProvisioErrorShape = Omit<TRPCDefaultErrorShape, 'data'> & { data: ProvisioErrorData };
