import { isAppError } from '@provisio/core';
import { TRPCError } from '@trpc/server';
import { toTrpcCode } from '../../errors/to-trpc-code.ts';

/**
 * Errors thrown while a subscription streams bypass the error middleware (it only sees the
 * generator being returned). tRPC would send them as INTERNAL_SERVER_ERROR, which the SSE
 * client retries forever; mapping AppErrors keeps their code, so BAD_REQUEST or
 * UNAUTHORIZED reach the caller's `onError` and end the stream.
 */
export async function* withTrpcErrors<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    if (isAppError(error)) throw new TRPCError({ code: toTrpcCode(error.code), message: error.message, cause: error });
    throw error;
  }
}
