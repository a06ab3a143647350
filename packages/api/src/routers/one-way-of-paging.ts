import { AppError } from '@provisio/core';

/** A listing pages by `startIndex` or by `cursor` (RFC 9865), never both at once. */
export function oneWayOfPaging<T extends { startIndex?: number; cursor?: string }>(input: T): T {
  if (input.startIndex !== undefined && input.cursor !== undefined) {
    throw new AppError('BAD_REQUEST', {
      message: 'page by startIndex or by cursor, not both',
      scimType: 'invalidValue',
    });
  }
  return input;
}
