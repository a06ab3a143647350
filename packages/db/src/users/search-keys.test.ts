import { describe, expect, it } from 'vitest';
import { MAX_PREFIX, MAX_SEARCH_KEYS, searchKeysOf, searchTermKeys } from './search-keys.ts';

const matches = (attributes: Parameters<typeof searchKeysOf>[0], term: string) => {
  const keys = new Set(searchKeysOf(attributes));
  return searchTermKeys(term).every((k) => keys.has(k));
};

describe('search keys', () => {
  const ada = {
    userName: 'ada.lovelace@Example.com',
    displayName: 'Ada Lovelace',
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [{ value: 'ada@analytical.engine' }],
    externalId: 'EXT-0042',
  };

  it('match word prefixes of names, userName, emails and externalId, whatever the case', () => {
    for (const term of [
      'ada',
      'LOVE',
      'ada love',
      'lovelace ada',
      'analyt',
      'engine',
      'ext 0042',
      'ada.lovelace@exa',
      '  Ada  ',
    ])
      expect(matches(ada, term), term).toBe(true);
  });

  it('do not match inside a word, nor a word the user does not have', () => {
    for (const term of ['velace', 'ada byron', 'lovelacex', '42']) expect(matches(ada, term), term).toBe(false);
  });

  it('fold accents and Unicode forms on both sides', () => {
    const jose = { userName: 'jose', displayName: 'Jos\u00e9 N\u0303u\u00f1ez' };
    for (const term of ['jose', 'JOSÉ', 'Jose\u0301', 'nunez', 'Ñúñ']) expect(matches(jose, term), term).toBe(true);
  });

  it('bound the prefix length and the number of keys', () => {
    const long = 'x'.repeat(40);
    const keys = searchKeysOf({ userName: long });
    expect(Math.max(...keys.map((k) => k.length))).toBe(MAX_PREFIX);
    // A word longer than the bound is still found by its whole self (compared on its first MAX_PREFIX characters).
    expect(matches({ userName: long }, long)).toBe(true);
    const many = Array.from({ length: 100 }, (_, i) => `word${i}abcdefghij`).join(' ');
    expect(searchKeysOf({ userName: 'u', displayName: many })).toHaveLength(MAX_SEARCH_KEYS);
  });

  it('turn a term into its distinct words, longest first; punctuation alone is no word', () => {
    expect(searchTermKeys('Seed User 77')).toEqual(['seed', 'user', '77']);
    expect(searchTermKeys('a ab a')).toEqual(['ab', 'a']);
    expect(searchTermKeys(' -- ')).toEqual([]);
  });
});
