import { expect, it } from 'vitest';
import { fieldCondition, NEVER } from './field-condition.ts';
import type { FieldTarget } from './targets.ts';

const ci: FieldTarget = { kind: 'field', field: 'search.displayName', type: 'string', caseExact: false };
const exact: FieldTarget = { kind: 'field', field: 'externalId', type: 'string', caseExact: true };
const date: FieldTarget = { kind: 'field', field: 'createdAt', type: 'dateTime', caseExact: true };

it('keeps user text a value: never a key or an operator', () => {
  expect(fieldCondition(exact, 'eq', '{"$gt":""}')).toEqual({ externalId: '{"$gt":""}' });
  expect(fieldCondition(exact, 'ne', '$where')).toEqual({ externalId: { $ne: '$where' } });
});

it('escapes regex metacharacters for co/sw/ew and normalises case-insensitive literals', () => {
  expect(fieldCondition(ci, 'co', 'A.*(B)')).toEqual({ 'search.displayName': { $regex: 'a\\.\\*\\(b\\)' } });
  expect(fieldCondition(ci, 'sw', 'X|Y')).toEqual({ 'search.displayName': { $regex: '^x\\|y' } });
  expect(fieldCondition(exact, 'ew', 'Z$')).toEqual({ externalId: { $regex: 'Z\\$$' } });
});

it('compares dates as dates and refuses string operators on them', () => {
  expect(fieldCondition(date, 'gt', '2024-01-01T00:00:00Z')).toEqual({
    createdAt: { $gt: new Date('2024-01-01T00:00:00Z') },
  });
  expect(fieldCondition(date, 'co', '2024')).toEqual(NEVER);
  expect(fieldCondition(date, 'eq', 'not a date')).toEqual(NEVER);
});

it('reads eq null as "not present" and ne null as "present"', () => {
  expect(fieldCondition(exact, 'eq', null)).toEqual({ $nor: [{ externalId: { $exists: true } }] });
  expect(fieldCondition(exact, 'ne', null)).toEqual({ externalId: { $exists: true } });
});
