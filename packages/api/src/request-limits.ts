/**
 * What one HTTP request to /trpc may carry: part of the API's contract, enforced by the
 * server's endpoint and worded here once. @provisio/client batches at most this many calls.
 */
export const MAX_BATCH_CALLS = 10;
/** Bytes of one request body: the same 1 MB as SCIM's. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const BODY_TOO_LARGE_MESSAGE = 'The request body is larger than 1 MB: send less per request.';
export const batchTooLargeMessage = (calls: number) =>
  `At most ${MAX_BATCH_CALLS} calls per request; this batch has ${calls}. Split it into smaller batches.`;
