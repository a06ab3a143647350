import { normaliseKey } from '../users/normalise-key.ts';

/**
 * The account a sign-in names, as the user lookup compares it (trimmed, NFC, lower case):
 * the one key for finding the admin, limiting attempts and auditing them, so no spelling
 * of an address escapes the limits.
 */
export const signInAccountKey = (email: string): string => normaliseKey(email.trim());
