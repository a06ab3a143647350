import type { IncomingMessage } from 'node:http';
import { batchTooLargeMessage, MAX_BATCH_CALLS, MAX_BODY_BYTES } from '@provisio/api';
import { TRPCError } from '@trpc/server';

/**
 * Refuses, before authentication reads anything, a batch of more than 10 calls and a body
 * that declares more than 1 MB. A body sent without a length is cut at 1 MB as it is read
 * (the adapter's `maxBodySize`); both answer 413 with the same message.
 */
export function checkRequestSize(req: IncomingMessage, calls: number): void {
  if (calls > MAX_BATCH_CALLS) throw new TRPCError({ code: 'BAD_REQUEST', message: batchTooLargeMessage(calls) });
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE' });
}
