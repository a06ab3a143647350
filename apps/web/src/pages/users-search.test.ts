import { expect, it } from 'vitest';
import { usersSearch } from './users-search.ts';

it('keeps a search, a known status and a page past the first', () => {
  expect(usersSearch({ q: 'ada', status: 'invited', page: 3 })).toEqual({ q: 'ada', status: 'invited', page: 3 });
});

it('drops what a hand-edited URL gets wrong: empty search, unknown status, page 1, fractions and text', () => {
  expect(usersSearch({ q: '', status: 'sleeping', page: 1 })).toEqual({});
  expect(usersSearch({ q: 42, status: ['active'], page: 2.5 })).toEqual({});
  expect(usersSearch({ page: '2' })).toEqual({});
});
