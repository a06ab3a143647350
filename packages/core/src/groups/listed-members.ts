import { AppError } from '../errors/app-error.ts';

/** The most member rows one page of a group list carries, all its groups together. */
export const MAX_LISTED_MEMBERS = 10_000;

export const tooManyListedMembers = (): AppError =>
  new AppError('BAD_REQUEST', {
    scimType: 'tooMany',
    message: `The groups of this page have more than ${MAX_LISTED_MEMBERS.toLocaleString('en')} members together: list them without members (SCIM: excludedAttributes=members; tRPC: includeMembers false) or ask for a smaller count, then read large groups' members on their own`,
  });
