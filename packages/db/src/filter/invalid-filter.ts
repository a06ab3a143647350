import { AppError } from '@provisio/core';
import type { AttrPath } from '@provisio/core';

export const printPath = (p: AttrPath): string => `${p.uri ? `${p.uri}:` : ''}${p.attr}${p.sub ? `.${p.sub}` : ''}`;

export const invalidFilter = (message: string): AppError =>
  new AppError('BAD_REQUEST', { message, scimType: 'invalidFilter' });

/**
 * A member test or value path can only be answered as a list of matching ids; negated, it
 * would become "every id but these" over a list that grows with the org.
 */
export const unboundedExclusion = (p: AttrPath): AppError =>
  invalidFilter(
    `Cannot exclude by '${printPath(p)}': a negated member test or value path ('not (…)', 'ne' or 'eq null' on members, groups or attr[…]) would exclude an unbounded list of resources. Filter for the resources you want with a positive test instead`,
  );
