import { AppError } from '@provisio/core';
import type { AttrPath } from '@provisio/core';

export const printPath = (p: AttrPath): string => `${p.uri ? `${p.uri}:` : ''}${p.attr}${p.sub ? `.${p.sub}` : ''}`;

export const invalidFilter = (message: string): AppError => new AppError('BAD_REQUEST', { message, scimType: 'invalidFilter' });
