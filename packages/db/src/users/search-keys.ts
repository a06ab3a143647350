import type { UserAttributes } from '@provisio/core';

/** A word longer than this is indexed (and searched) by its first MAX_PREFIX characters. */
export const MAX_PREFIX = 16;
/** At most this many keys per user; a user with more words loses the last ones (emails, externalId). */
export const MAX_SEARCH_KEYS = 200;
/** At most this many words of a search term are matched. */
export const MAX_TERM_WORDS = 8;

/** NFC, lower case and accents folded ("José" → "jose"): how a word is compared in a search. */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/** The words of a text: runs of letters and digits (`jane.doe@example.com` → jane, doe, example, com). */
export const wordsOf = (value: string): string[] =>
  foldForSearch(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * What the users page search matches: every prefix (1 to MAX_PREFIX characters) of every word
 * of the user's displayName, given and family name, userName, emails and externalId. Stored
 * top level so a search word is one equality on this array, which FerretDB pushes down to its
 * GIN index (MongoDB: a multikey index).
 */
export function searchKeysOf(
  attributes: Pick<UserAttributes, 'userName' | 'displayName' | 'name' | 'emails' | 'externalId'>,
): string[] {
  const texts = [
    attributes.displayName,
    attributes.name?.givenName,
    attributes.name?.familyName,
    attributes.userName,
    ...(attributes.emails ?? []).map((e) => e.value),
    attributes.externalId,
  ];
  const keys = new Set<string>();
  for (const word of texts.flatMap((t) => (t ? wordsOf(t) : []))) {
    const chars = [...word].slice(0, MAX_PREFIX);
    for (let n = 1; n <= chars.length && keys.size < MAX_SEARCH_KEYS; n++) keys.add(chars.slice(0, n).join(''));
  }
  return [...keys];
}

/** The keys a search term must all match, longest first (the most selective one leads). */
export function searchTermKeys(term: string): string[] {
  const keys = new Set(wordsOf(term).map((w) => [...w].slice(0, MAX_PREFIX).join('')));
  return [...keys].sort((a, b) => b.length - a.length).slice(0, MAX_TERM_WORDS);
}
