import { expect, it } from 'vitest';
import { cleanUserAttributes } from './clean-attributes.ts';

it('drops unassigned values (null, "", [], empty objects) but keeps false and 0', () => {
  const raw = {
    userName: 'u',
    active: false,
    title: '',
    emails: [],
    name: { givenName: '' },
    phoneNumbers: [{ value: '1', primary: false }],
    nickName: null,
  };
  expect(cleanUserAttributes(raw as never)).toEqual({
    userName: 'u',
    active: false,
    phoneNumbers: [{ value: '1', primary: false }],
  });
});

it('refuses keys MongoDB cannot store', () => {
  const bad = { userName: 'u', active: true, extensions: { acme: { 'a.b': 1 } } };
  expect(() => cleanUserAttributes(bad)).toThrow(
    expect.objectContaining({ code: 'BAD_REQUEST', scimType: 'invalidValue' }),
  );
  expect(() => cleanUserAttributes({ userName: 'u', active: true, extensions: { $where: { x: 1 } } })).toThrow();
});
