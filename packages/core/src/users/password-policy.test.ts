import { describe, expect, it } from 'vitest';
import { assertPasswordPolicy, passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  const ids = ['Ada.Lovelace@Example.com', 'ada'];

  it('accepts 12 to 256 characters counted as code points after NFC', () => {
    expect(passwordProblem('a'.repeat(12), ids)).toBeNull();
    expect(passwordProblem('🔑'.repeat(12), ids)).toBeNull();
    expect(passwordProblem('e\u0301'.repeat(12), ids)).toBeNull();
    expect(passwordProblem('x'.repeat(256), ids)).toBeNull();
  });

  it('refuses short, long, and the email or userName in any case', () => {
    expect(passwordProblem('a'.repeat(11), ids)).toMatch(/at least 12/);
    expect(passwordProblem('e\u0301'.repeat(11), ids)).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(257), ids)).toMatch(/at most 256/);
    expect(passwordProblem('ada.lovelace@example.COM', ids)).toMatch(/email address or user name/);
  });

  it('throws BAD_REQUEST with the message for the person', () => {
    expect(() => assertPasswordPolicy('a', ids)).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', userMessage: expect.stringMatching(/at least 12/) }),
    );
  });
});
